from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from .database import database_from_url
from .env import envbool, envint, envlist, envstr

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent

SECRET_KEY = envstr("SECRET_KEY")
DEBUG = envbool("DEBUG", False)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")
# Reverse proxies (IPs or CIDR networks) whose X-Forwarded-For is believed; see core/http.py.
TRUSTED_PROXIES = envlist("TRUSTED_PROXIES")

INSTALLED_APPS = [
    "voorbeeldenbank.core",
    "voorbeeldenbank.examples",
    "voorbeeldenbank.publication",
    "voorbeeldenbank.lexicon",
    "voorbeeldenbank.submissions",
    "voorbeeldenbank.research",
    "voorbeeldenbank.reflection",
    "voorbeeldenbank.api",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF, which reads a POST body: too large bodies are refused unread (bodylimit.py).
    "voorbeeldenbank.core.bodylimit.BodyLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "voorbeeldenbank.core.middleware.AtomicAdminWritesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "voorbeeldenbank.core.csp.SiteCSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as its documentation asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "voorbeeldenbank.urls"
# A refused form gets the site's own page with what to do next (templates/403_csrf.html).
CSRF_FAILURE_VIEW = "voorbeeldenbank.core.views.errors.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "voorbeeldenbank.wsgi.application"

DATABASES = {
    "default": database_from_url(
        envstr("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Request bodies. Every body larger than MAX_REQUEST_BODY_BYTES is refused on its
# Content-Length before it is read (core/bodylimit.py); views such as the Word upload and the
# language check declare lower limits of their own. Form fields are kept in memory up to
# DATA_UPLOAD_MAX_MEMORY_SIZE (the language check's form needs about 1.8 MB), uploaded files
# up to FILE_UPLOAD_MAX_MEMORY_SIZE (then a temporary file). Django's 1000 fields stay: Wagtail's
# page editor sends many for an example with many parts.
MAX_REQUEST_BODY_BYTES = envint("MAX_REQUEST_BODY_BYTES", 20_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = envint("FILE_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
DATA_UPLOAD_MAX_NUMBER_FIELDS = envint("DATA_UPLOAD_MAX_NUMBER_FIELDS", 1000)
DATA_UPLOAD_MAX_NUMBER_FILES = envint("DATA_UPLOAD_MAX_NUMBER_FILES", 20)

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "media")))

WAGTAIL_SITE_NAME = "Voorbeeldenbank Normaliseren"
# The site's public address, without a trailing slash. Links in e-mails and in the admin's
# notifications are built on it, never on the request's Host header; production requires it.
BASE_URL = envstr("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The contact person approves one revision; an edit after that needs approval again
# (docs/submissions.md). Approval does not publish: the redactie does, afterwards.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "voorbeeldenbank.submissions.finishing.finish_workflow"

# Search: queries longer than this are cut off (not rejected) before lemmatising.
SEARCH_MAX_QUERY_LENGTH = envint("SEARCH_MAX_QUERY_LENGTH", 200)
API_MAX_PAGE_SIZE = 100
CATALOGUE_PAGE_SIZE = envint("CATALOGUE_PAGE_SIZE", 20)
# After a publish each process keeps searching by meaning on the vectors it has while a thread
# loads the new ones (examples/semantic.py); without it the first request waits for the reload.
SEMANTIC_RELOAD_IN_BACKGROUND = True
# Language check: larger texts get a 413 with a message (web page, API and editor panel).
TAALCHECK_MAX_BYTES = envint("TAALCHECK_MAX_BYTES", 200_000)
# At most this many findings are listed (page and API); the answer says when there were more.
TAALCHECK_MAX_FINDINGS = envint("TAALCHECK_MAX_FINDINGS", 500)
# Checks per browser on the page, and per client IP for the page and the API together.
TAALCHECK_RATE_LIMIT = envstr("TAALCHECK_RATE_LIMIT", "10/m")
TAALCHECK_RATE_LIMIT_PER_IP = envstr("TAALCHECK_RATE_LIMIT_PER_IP", "60/m")
# Element suggestions (examples/suggestions): request size and requests per client IP to the
# API; a retraining after each publish and a first training when a request finds no model.
ELEMENT_SUGGEST_MAX_BYTES = envint("ELEMENT_SUGGEST_MAX_BYTES", 50_000)
ELEMENT_SUGGEST_RATE_LIMIT_PER_IP = envstr("ELEMENT_SUGGEST_RATE_LIMIT_PER_IP", "30/m")
ELEMENT_MODEL_TRAIN_IN_BACKGROUND = envbool("ELEMENT_MODEL_TRAIN_IN_BACKGROUND", True)
# Requests per client IP to the read-only JSON API and the downloads.
API_RATE_LIMIT = envstr("API_RATE_LIMIT", "300/m")

# The single-example PDF, made by the worker and served as a file (publication/delivery.py):
# "django" (Django streams it), "x-accel" (nginx, X-Accel-Redirect to the internal location
# EXAMPLE_PDF_ACCEL_PREFIX) or "redirect" (to the file's MEDIA_URL address).
EXAMPLE_PDF_DELIVERY = envstr("EXAMPLE_PDF_DELIVERY", "django")
EXAMPLE_PDF_ACCEL_PREFIX = envstr("EXAMPLE_PDF_ACCEL_PREFIX", "/protected-media/")

# Two queues: "default" for the short work people wait for (page-cache purges, e-mail, editions,
# PDFs) and "models" for the long model work (training the element suggestions, the
# anonymiser with its 1 GB of lookups), so that a training never holds up a purge. Each queue
# needs a worker: `manage.py db_worker --queue-name default` and `--queue-name models`.
TASK_QUEUES = ["default", "models"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
# An edition build that reports no progress for this many seconds counts as dead (its worker
# was killed or restarted); one that no worker picks up within the second figure, too.
EDITION_BUILD_STALLED_AFTER = envint("EDITION_BUILD_STALLED_AFTER", 300)
EDITION_BUILD_UNCLAIMED_AFTER = envint("EDITION_BUILD_UNCLAIMED_AFTER", 900)
# The demo loader (`make run`, `load_demo_content`) builds edition 1 when there is none.
DEMO_BUILD_EDITION = envbool("DEMO_BUILD_EDITION", True)

# Content licence, shown with every download and in the API (open data).
CONTENT_LICENCE_NAME = envstr("CONTENT_LICENCE_NAME", "CC BY 4.0")
CONTENT_LICENCE_URL = envstr(
    "CONTENT_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/deed.nl"
)

# Content-Security-Policy (core/csp.py). The public pages run only the site's own files (htmx
# included) and no inline code; nothing is loaded from another origin, so a script or a foreign
# form target slipped into content goes nowhere.
_CSP_BASE = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_BASE}
# Wagtail's admin writes inline styles and scripts (wagtail/wagtail#1288), shows uploaded images
# as blobs, and previews pages in a frame of its own origin.
CSP_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **_CSP_BASE,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF],
    }
}

# The page cache in front of the site (nginx, deploy/): when FRONTEND_CACHE_LOCATION is set,
# changed pages and the pages that show them are purged there (core/frontend_cache.py).
FRONTEND_CACHE_LOCATION = envstr("FRONTEND_CACHE_LOCATION")
FRONTEND_CACHE_TIMEOUT = envint("FRONTEND_CACHE_TIMEOUT", 5)
if FRONTEND_CACHE_LOCATION:
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "voorbeeldenbank.core.frontend_cache.HTTPPurgeBackend",
            "LOCATION": FRONTEND_CACHE_LOCATION,
        }
    }

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    }
}
# The cache alias that holds rate-limit counters (core/ratelimit.py); it must be shared by every
# process, so in production the default cache is Redis.
RATELIMIT_CACHE = envstr("RATELIMIT_CACHE", "default")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}

# Submissions ("Wie durft?") -------------------------------------------------------------
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "voorbeeldenbank@localhost")
# Sent and undeliverable e-mails are removed from the outbox after this many days.
EMAIL_RETENTION_DAYS = envint("EMAIL_RETENTION_DAYS", 90)
# Links in e-mails (private links, contact persons' links): the public address, BASE_URL.
SUBMISSION_BASE_URL = BASE_URL
SUBMISSION_TOKEN_DAYS = envint("SUBMISSION_TOKEN_DAYS", 90)
SUBMISSION_CONTACT_LINK_DAYS = envint("SUBMISSION_CONTACT_LINK_DAYS", 14)
# Per action (start, upload, submit, contact answer), "<count>/<s|m|h|d>": per private link
# (per browser for starting), and a higher ceiling per client IP for a group behind one NAT.
SUBMISSION_RATE_LIMIT = envstr("SUBMISSION_RATE_LIMIT", "10/h")
SUBMISSION_RATE_LIMIT_PER_IP = envstr("SUBMISSION_RATE_LIMIT_PER_IP", "100/h")
# New private links mailed to one address on request ("link kwijt?"), whoever asks.
SUBMISSION_LOST_LINK_PER_ADDRESS = envstr("SUBMISSION_LOST_LINK_PER_ADDRESS", "3/h")
SUBMISSION_UPLOAD_MAX_BYTES = envint("SUBMISSION_UPLOAD_MAX_BYTES", 2_000_000)
# Reading one Word upload stops with a message after this many seconds (docx/budget.py).
SUBMISSION_DOCX_PARSE_SECONDS = envint("SUBMISSION_DOCX_PARSE_SECONDS", 5)
SUBMISSION_PRIVACY_VERSION = envstr("SUBMISSION_PRIVACY_VERSION", "2026-1")
SUBMISSION_RETENTION_DAYS = envint("SUBMISSION_RETENTION_DAYS", 730)
# How many working days the redactie usually takes to read a new submission (told to submitters).
SUBMISSION_REVIEW_DAYS = envint("SUBMISSION_REVIEW_DAYS", 10)
# Who hears about new submissions; empty = every account that may review submissions.
SUBMISSION_REDACTIE_EMAILS = envlist("SUBMISSION_REDACTIE_EMAILS")

# Research (the report's method: selection, interviews) ------------------------------------
# Consent evidence and other research files: outside MEDIA_ROOT, never served under MEDIA_URL.
RESEARCH_PRIVATE_ROOT = Path(envstr("RESEARCH_PRIVATE_ROOT", str(BASE_DIR / "var" / "research")))
# Days after a project ends before its contact details (candidates, interviewees) are deleted.
RESEARCH_CONTACT_GRACE_DAYS = envint("RESEARCH_CONTACT_GRACE_DAYS", 90)
# Largest recording (audio or video of an interview) the admin accepts, in bytes.
RESEARCH_RECORDING_MAX_BYTES = envint("RESEARCH_RECORDING_MAX_BYTES", 500_000_000)

# Days the interviewee's link to read and approve a verslag (the member check) keeps working.
RESEARCH_MEMBER_CHECK_DAYS = envint("RESEARCH_MEMBER_CHECK_DAYS", 14)
# An anonymisation that is queued or running this long without finishing counts as stopped (its
# worker was killed, or no worker runs the "models" queue): it is marked failed and can be
# started again.
RESEARCH_ANONYMISATION_STALLED_AFTER = envint("RESEARCH_ANONYMISATION_STALLED_AFTER", 1800)
# Answers through one member-check link, and the ceiling per client IP ("<count>/<s|m|h|d>").
RESEARCH_MEMBER_CHECK_RATE_LIMIT = envstr("RESEARCH_MEMBER_CHECK_RATE_LIMIT", "10/h")
RESEARCH_MEMBER_CHECK_RATE_LIMIT_PER_IP = envstr("RESEARCH_MEMBER_CHECK_RATE_LIMIT_PER_IP", "100/h")

# Reflection scan: how long a session stays reachable by its link; then its answers and notes
# are deleted (reflection/retention.py). Rates per address for opening, answering and PDFs.
REFLECTION_KEEP_DAYS = envint("REFLECTION_KEEP_DAYS", 90)
REFLECTION_OPEN_RATE = envstr("REFLECTION_OPEN_RATE", "20/h")
REFLECTION_ANSWER_RATE = envstr("REFLECTION_ANSWER_RATE", "60/h")
REFLECTION_PDF_RATE = envstr("REFLECTION_PDF_RATE", "30/h")

# Login throttling (django-axes, core/lockout.py) ---------------------------------------------
# After AXES_FAILURE_LIMIT wrong passwords for one username from one client IP, that pair is
# locked for AXES_COOLOFF_MINUTES; a beheerder can lift it under Instellingen → Inlogblokkades.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
# Records of logins and failed attempts (username, IP address, browser) are deleted after this
# many days by housekeeping (core/lockout.py); the privacy statement shows the figure.
LOGIN_RECORD_RETENTION_DAYS = envint("LOGIN_RECORD_RETENTION_DAYS", 90)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "voorbeeldenbank.core.http.client_ip_or_none"
AXES_USERNAME_CALLABLE = "voorbeeldenbank.core.lockout.attempted_username"
AXES_LOCKOUT_CALLABLE = "voorbeeldenbank.core.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout do not extend it, so the wait the page states stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
