from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from voorbeeldenbank.core.sitemaps import PageSitemap
from voorbeeldenbank.core.views.robots import robots_txt
from voorbeeldenbank.lexicon.sitemaps import LexiconSitemap
from voorbeeldenbank.publication.sitemaps import EditionSitemap

handler500 = "voorbeeldenbank.core.views.errors.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("voorbeeldenbank.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap, "lexicon": LexiconSitemap, "editions": EditionSitemap}},
        name="sitemap",
    ),
]

urlpatterns += i18n_patterns(
    path("", include("voorbeeldenbank.examples.urls")),
    path("", include("voorbeeldenbank.publication.urls")),
    path("insturen/", include("voorbeeldenbank.submissions.urls")),
    path("onderzoek/", include("voorbeeldenbank.research.urls")),
    path("reflectie/", include("voorbeeldenbank.reflection.urls")),
    # /taalcheck/ and /lexicon/: no page in the tree uses these slugs.
    path("", include("voorbeeldenbank.lexicon.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = [
        *staticfiles_urlpatterns(),
        *static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT),
        *urlpatterns,
    ]
