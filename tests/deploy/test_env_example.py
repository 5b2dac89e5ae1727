"""deploy/env.example explains every setting that the settings and gunicorn read."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ = re.compile(r"""env(?:str|int|bool|list|float)\(\s*"([A-Z][A-Z0-9_]*)\"""")
GUNICORN = re.compile(r"""(?:_int\(|environ\.get\()\s*"([A-Z][A-Z0-9_]*)\"""")
EXAMPLE = re.compile(r"^#? ?([A-Z][A-Z0-9_]*)=", re.MULTILINE)


def names_in(pattern: re.Pattern[str], *paths: Path) -> set[str]:
    return {name for path in paths for name in pattern.findall(path.read_text())}


def test_every_setting_read_from_the_environment_is_in_env_example():
    settings = sorted((ROOT / "src/voorbeeldenbank/settings").glob("*.py"))
    read = names_in(READ, *settings) | names_in(GUNICORN, ROOT / "deploy/gunicorn.conf.py")
    explained = names_in(EXAMPLE, ROOT / "deploy/env.example")
    assert read, "no settings found: the pattern no longer matches how settings are read"
    assert read - explained == set()


def test_the_required_settings_are_set_in_env_example():
    text = (ROOT / "deploy/env.example").read_text()
    for name in ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "BASE_URL", "REDIS_URL"):
        assert re.search(rf"^{name}=\S", text, re.MULTILINE), name
