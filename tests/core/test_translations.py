"""The English translation: a complete catalogue, and English pages and API answers."""

import gettext
import html
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

from voorbeeldenbank.examples.constants import AGE_MAX, AGE_MIN

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
LOCALE_DIR = REPO / "src" / "voorbeeldenbank" / "locale"
PO_FILE = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """A request under /en/ leaves English active in this thread; later tests expect Dutch."""
    yield
    translation.deactivate()


# A tiny .po reader (the project does not depend on polib) -------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.msgctxt, self.msgid, self.msgid_plural)


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"not a quoted .po string: {text!r}")
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda match: escapes[match.group(1)], text[1:-1])


def read_po(path: Path) -> list[Entry]:
    """The active entries of a .po file, header included; obsolete (#~) entries are skipped."""
    entries: list[Entry] = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8").strip()):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid") for line in lines):
            continue
        entry = Entry()
        current: str | None = None
        for line in lines:
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
                continue
            if line.startswith("#"):
                continue
            keyword = re.match(
                r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")$", line
            )
            if keyword:
                current = keyword.group(1)
                value = _unquote(keyword.group(3))
            else:
                value = _unquote(line)
            assert current is not None, f"{path}: text before any keyword: {line!r}"
            if current == "msgid":
                entry.msgid += value
            elif current == "msgid_plural":
                entry.msgid_plural = (entry.msgid_plural or "") + value
            elif current == "msgctxt":
                entry.msgctxt = (entry.msgctxt or "") + value
            else:
                index = int(current[7:-1]) if current.startswith("msgstr[") else 0
                entry.msgstr[index] = entry.msgstr.get(index, "") + value
        entries.append(entry)
    return entries


def messages(path: Path) -> list[Entry]:
    """The translatable entries (the header, msgid "", left out)."""
    return [entry for entry in read_po(path) if entry.msgid]


# The catalogue --------------------------------------------------------------------------------


def test_the_catalogue_is_read_completely():
    # Guards the tests below against a reader that silently finds nothing.
    entries = messages(PO_FILE)
    assert len(entries) > 300
    assert any(entry.msgid_plural for entry in entries)


def test_every_message_has_an_english_translation():
    problems = []
    for entry in read_po(PO_FILE):
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        if not entry.msgid:
            continue  # the header
        expected_forms = 2 if entry.msgid_plural is not None else 1
        forms = [entry.msgstr.get(index, "") for index in range(expected_forms)]
        if not all(form.strip() for form in forms):
            problems.append(f"untranslated: {entry.msgid!r}")
    assert problems == []


def test_translations_keep_placeholders_and_markup():
    problems = []
    for entry in messages(PO_FILE):
        if entry.msgid_plural is None:
            pairs = [(entry.msgid, entry.msgstr.get(0, ""), True)]
        else:
            # The singular form may leave the number out ("View the example").
            pairs = [
                (entry.msgid + entry.msgid_plural, entry.msgstr.get(0, ""), False),
                (entry.msgid_plural, entry.msgstr.get(1, ""), True),
            ]
        for source, english, exact in pairs:
            wanted = set(PLACEHOLDER.findall(source))
            found = set(PLACEHOLDER.findall(english))
            if found - wanted or (exact and wanted - found):
                problems.append(f"placeholders {sorted(found)} for {entry.msgid!r}")
            if exact and sorted(TAG.findall(source)) != sorted(TAG.findall(english)):
                problems.append(f"markup differs for {entry.msgid!r}")
    assert problems == []


def test_the_compiled_catalogue_matches_the_po_file():
    """The .mo is committed (machines without gettext use it): it must not lag behind."""
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in messages(PO_FILE):
        if entry.msgctxt is not None:
            continue
        if entry.msgid_plural is None:
            if compiled.gettext(entry.msgid) != entry.msgstr.get(0):
                stale.append(entry.msgid)
        elif compiled.ngettext(entry.msgid, entry.msgid_plural, 1) != entry.msgstr.get(
            0
        ) or compiled.ngettext(entry.msgid, entry.msgid_plural, 2) != entry.msgstr.get(1):
            stale.append(entry.msgid)
    assert stale == [], "run: make messages (compilemessages)"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs gettext's xgettext")
def test_the_catalogue_has_every_message_of_the_code(tmp_path, monkeypatch, settings):
    """makemessages on a copy of the code finds no message that the committed .po lacks."""
    for name in ("src", "templates"):
        shutil.copytree(
            REPO / name,
            tmp_path / name,
            ignore=shutil.ignore_patterns("locale", "__pycache__", "*.mo", "*.po"),
        )
    settings.LOCALE_PATHS = [str(tmp_path / "locale")]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["en"], no_location=True, verbosity=0)

    extracted = {entry.key for entry in messages(tmp_path / "locale/en/LC_MESSAGES/django.po")}
    committed = {entry.key for entry in messages(PO_FILE)}
    assert len(extracted) > 300
    missing = sorted(msgid for _ctx, msgid, _plural in extracted - committed)
    assert missing == [], "run makemessages -l en and translate the new messages"


# The English site -----------------------------------------------------------------------------


def visible_text(response) -> str:
    """Text and accessible names of a page, whitespace collapsed, entities decoded."""
    body = re.sub(r"(?s)<script.*?</script>|<style.*?</style>", " ", response.content.decode())
    labels = " ".join(re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', body))
    text = re.sub(r"(?s)<[^>]+>", " ", body)
    return " ".join(html.unescape(f"{text} {labels}").split())


def test_the_english_home_page_speaks_english(demo_content, client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    text = visible_text(response)
    for english in (
        "Skip to content",
        "What are you looking for?",
        "For policy makers",
        "View the element matrix",
        "The vision in brief: eight elements",
        "Element matrix",
    ):
        assert english in text
    for dutch in (
        "Ga direct naar de inhoud",
        "Waar bent u naar op zoek?",
        "Voor beleidsmakers",
        "Bekijk de elementenmatrix",
        "De visie in het kort",
    ):
        assert dutch not in text


def test_the_dutch_home_page_stays_dutch(demo_content, client):
    text = visible_text(client.get("/"))
    assert "Waar bent u naar op zoek?" in text
    assert "What are you looking for?" not in text


@pytest.mark.parametrize(
    ("url", "title", "message"),
    [
        (
            "/en/voorbeelden/?age=abc",
            "Not everything in your search could be used",
            f"Age must be a whole number from {AGE_MIN} to {AGE_MAX}.",
        ),
        (
            "/voorbeelden/?age=abc",
            "Niet alles in uw zoekopdracht kon worden gebruikt",
            f"Leeftijd moet een heel getal zijn van {AGE_MIN} tot en met {AGE_MAX}.",
        ),
    ],
)
def test_the_catalogue_error_is_translated(demo_content, client, url, title, message):
    response = client.get(url)
    assert response.status_code == 200
    text = visible_text(response)
    assert title in text
    assert message in text


@pytest.mark.parametrize(
    ("header", "language", "message"),
    [
        ("en", "en", f"Age must be a whole number from {AGE_MIN} to {AGE_MAX}."),
        (
            "en-GB,en;q=0.9,nl;q=0.5",
            "en",
            f"Age must be a whole number from {AGE_MIN} to {AGE_MAX}.",
        ),
        ("nl", "nl", f"Leeftijd moet een heel getal zijn van {AGE_MIN} tot en met {AGE_MAX}."),
        ("de", "nl", f"Leeftijd moet een heel getal zijn van {AGE_MIN} tot en met {AGE_MAX}."),
        (None, "nl", f"Leeftijd moet een heel getal zijn van {AGE_MIN} tot en met {AGE_MAX}."),
    ],
)
def test_the_api_errors_follow_accept_language(demo_content, client, header, language, message):
    extra = {} if header is None else {"HTTP_ACCEPT_LANGUAGE": header}
    response = client.get("/api/v1/examples/?age=abc", **extra)
    assert response.status_code == 400
    assert response["Content-Language"] == language
    assert response.json()["errors"] == [message]


def test_the_api_answers_other_errors_in_english_too(demo_content, client):
    english = {"HTTP_ACCEPT_LANGUAGE": "en"}
    assert client.get("/api/v1/nothing/", **english).json() == {
        "errors": ["This address does not exist in the API."]
    }
    assert client.post("/api/v1/examples/", **english).json() == {
        "errors": ["The method POST is not allowed; use GET."]
    }
    assert client.get("/api/v1/examples/?page=99", **english).json() == {
        "errors": ["Page 99 does not exist; there is 1 page."]
    }


# Messages that are also ordinary Dutch in the examples' own text ("vanaf 8 jaar").
# Messages whose words also occur in the examples' own Dutch text (an effectiveness status in
# the demo content reads "Goed onderbouwd (NJi-databank …)").
ALSO_IN_CONTENT = {
    "vanaf %(min)s jaar",
    "tot en met %(max)s jaar",
    "Goed onderbouwd",
    # A filter of the coding screen, and ordinary Dutch in examples ("steun van anderen").
    "van anderen",
}


def dutch_interface_patterns() -> list[re.Pattern]:
    """Each Dutch message whose English differs, as a pattern for its rendered text: values
    for placeholders, markup as whitespace. Messages with fewer than two words of their own
    are left out, since the examples' own Dutch text uses such words too."""
    patterns = {}
    for entry in messages(PO_FILE):
        for source, english in (
            (entry.msgid, entry.msgstr.get(0, "")),
            (entry.msgid_plural, entry.msgstr.get(1, "")),
        ):
            if not source or source == english or source in ALSO_IN_CONTENT:
                continue
            parts = re.split(r"(%\(\w+\)[sd]|<[^>]+>)", source)
            words = [word for part in parts[::2] for word in part.split()]
            if len(words) < 2:
                continue
            regex = ""
            for index, part in enumerate(parts):
                if index % 2 == 0:
                    regex += r"\s+".join(re.escape(word) for word in part.split(" "))
                elif part.startswith("%"):
                    regex += r"\S{1,40}?"
                else:
                    regex += r"\s*"
            patterns[source] = re.compile(rf"(?<!\w){regex}(?!\w)")
    return list(patterns.values())


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/en/", 200),
        ("/en/voorbeelden/", 200),
        ("/en/voorbeelden/?q=gezin&age=99&kind=onbekend", 200),
        ("/en/voorbeelden/pinkies/", 200),
        ("/en/voorbeelden/giz/", 200),
        ("/en/kwadrant/", 200),
        ("/en/elementenmatrix/", 200),
        ("/en/interviews/", 200),
        ("/en/vergelijk/?v=pinkies&v=giz", 200),
        ("/en/vergelijk/?v=pinkies&v=bestaat-niet", 200),
        ("/en/bestaat-niet/", 404),
    ],
)
def test_english_pages_show_no_dutch_interface_text(demo_content, client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Language"] == "en"
    text = visible_text(response)
    leftovers = [match.group(0) for p in dutch_interface_patterns() if (match := p.search(text))]
    assert leftovers == []
