"""Browser tests: pytest-playwright in Debian's Chromium against Django's live server.

Never run `playwright install`: the tests use the system Chromium at /usr/bin/chromium.
"""

import json
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in fixtures are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_PATH = Path(__file__).resolve().parents[2] / "e2e" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def site(live_server, transactional_demo_content) -> str:
    """Base URL of a live server with the vision and the 13 demo examples."""
    return live_server.url


@pytest.fixture(scope="session")
def axe_source() -> Path:
    if not AXE_PATH.exists():
        pytest.fail(
            f"axe-core is not installed ({AXE_PATH} is missing). Run `npm ci --prefix e2e` "
            "in the repository root first.",
            pytrace=False,
        )
    return AXE_PATH


@pytest.fixture
def check_a11y(axe_source):
    """Run axe-core on the current page; fail on serious or critical WCAG 2.0/2.1 A/AA issues."""

    source = axe_source.read_text(encoding="utf-8")

    def run(page) -> None:
        # A message fading in is measured mid-way otherwise (its colours blended with the
        # background): wait until the short animations and transitions have ended. Long or
        # endless ones (the admin's "new" badge pings for 25 s) are left running.
        page.wait_for_function(
            """() => document.getAnimations().every(
                (a) => a.playState !== "running"
                    || a.effect.getComputedTiming().endTime > 3000)""",
            timeout=10_000,
        )
        # Evaluated through the browser's debugging protocol, which the page's
        # Content-Security-Policy does not govern (a script tag would be refused).
        page.evaluate(source)
        results = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            AXE_TAGS,
        )
        blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
        report = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in blocking
        ]
        assert not blocking, f"axe found issues on {page.url}:\n" + json.dumps(report, indent=2)

    return run


CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
  });
});
"""


@pytest.fixture
def csp_violations(page):
    """What the Content-Security-Policy refused on the pages `page` visits (call it to read)."""
    page.add_init_script(CSP_LISTENER)
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    def read() -> list:
        return page.evaluate("window.__cspViolations || []") + refused

    return read
