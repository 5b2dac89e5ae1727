"""Prepare the local site for `make run`: the demo content and a local admin account.

The demo content is (re)loaded when the database has no examples yet or when the demo files
changed since the last load, so that local edits to a demo example survive a restart.
The admin password is generated once, kept in var/admin-password.txt (git-ignored) and
printed on every run.
"""

import hashlib
import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
PASSWORD_FILE = VAR / "admin-password.txt"
DEMO_STAMP = VAR / "demo-content.sha256"
USERNAME = "admin"


def say(message: str = "") -> None:
    sys.stdout.write(message + "\n")
    sys.stdout.flush()


def demo_checksum() -> str:
    package = ROOT / "src" / "voorbeeldenbank"
    files = sorted(
        [
            *package.glob("*/demo_content/*.json"),
            package / "examples" / "demo.py",
            package / "core" / "demo.py",
            # What the search index is made of: a change reindexes the demo content.
            package / "examples" / "indexing.py",
            package / "examples" / "search" / "analysis.py",
            package / "core" / "text.py",
            package / "core" / "compounds.py",
        ]
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_demo_content(force: bool) -> None:
    from django.core.management import call_command
    from django.db import connection

    from voorbeeldenbank.examples.models import ExamplePage

    stamp = f"{connection.settings_dict['NAME']} {demo_checksum()}"
    current = DEMO_STAMP.read_text().strip() if DEMO_STAMP.exists() else ""
    if not force and current == stamp and ExamplePage.objects.exists():
        say("Demo content is up to date (reload with: make demo).")
        return
    call_command("load_demo_content")
    DEMO_STAMP.write_text(stamp + "\n")


def ensure_edition() -> None:
    """Edition 1, built here when the database has none (also when the demo was up to date),
    so the report can be downloaded from the first start."""
    from voorbeeldenbank.publication.demo import load_first_edition

    edition = load_first_edition(log=lambda message: say(f"  {message}"))
    if edition is not None:
        say(f"Edition {edition.number} is available at /edities/.")


def ensure_element_model() -> None:
    """The element suggestions need a model from the first start; later ones are trained by
    the worker after each publish."""
    from voorbeeldenbank.examples.suggestions import store
    from voorbeeldenbank.examples.suggestions.tasks import train_and_store

    if store.current() is None:
        say("Training the model for element suggestions (about a minute)...")
        say(f"  Model {train_and_store()} is in use.")


def ensure_admin() -> str | None:
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    user = user_model.objects.filter(username=USERNAME).first()
    if user is None:
        password = secrets.token_urlsafe(15)
        user_model.objects.create_superuser(USERNAME, "admin@localhost", password)
        PASSWORD_FILE.write_text(password + "\n")
        PASSWORD_FILE.chmod(0o600)
        return password
    if PASSWORD_FILE.exists():
        password = PASSWORD_FILE.read_text().strip()
        if user.check_password(password):
            return password
    return None


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "voorbeeldenbank.settings.dev")
    import django

    django.setup()
    VAR.mkdir(exist_ok=True)
    ensure_demo_content(force="--reload-demo" in sys.argv)
    ensure_edition()
    ensure_element_model()
    password = ensure_admin()
    base_url = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
    say()
    say(f"  Site:       {base_url}/")
    say(f"  Beheer:     {base_url}/admin/")
    say(f"  Gebruiker:  {USERNAME}")
    if password:
        say(f"  Wachtwoord: {password}   (bewaard in {PASSWORD_FILE.relative_to(ROOT)})")
    else:
        say(
            f"  Wachtwoord: onbekend (gewijzigd sinds het is aangemaakt); stel een nieuw in met "
            f".venv/bin/python manage.py changepassword {USERNAME}"
        )
    say()


if __name__ == "__main__":
    main()
