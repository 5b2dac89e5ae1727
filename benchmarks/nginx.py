"""HTTP benchmark of the production stack with wrk: page cache, uncached search, a mixed load.

    .venv/bin/python benchmarks/nginx.py            # as root on Debian: starts the stack itself

It runs `scripts/production.sh start` with the rate limits raised (they would otherwise answer
most of the load with 429; the values are in RAISED_LIMITS and in the results), installs wrk
(`BENCH=1 scripts/system-deps.sh production`) and measures, all through nginx on loopback:

1. cached pages (home, catalogue, an example, the element matrix) against nginx serving the
   same bytes as plain files from /bench-static/, in alternating rounds per page in one run;
2. the catalogue's search never from the cache, 32 connections: p50/p99 and requests/s with
   the stack's gunicorn workers;
3. 64 connections for 60 s on a mix (benchmarks/wrk/mix.lua): errors, 5xx, p99.

Results go to benchmarks/results/nginx.json; docs/benchmarks.md describes them. A benchmark,
not a test: it asserts nothing, it reports.
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "var" / "production"
RESULTS = ROOT / "benchmarks" / "results" / "nginx.json"
URL = "http://127.0.0.1:" + os.environ.get("PRODUCTION_PORT", "8080")
RAISED_LIMITS = {
    "API_RATE_LIMIT": "1000000/m",
    "TAALCHECK_RATE_LIMIT": "1000000/m",
    "TAALCHECK_RATE_LIMIT_PER_IP": "1000000/m",
    "SUBMISSION_RATE_LIMIT": "1000000/h",
    "SUBMISSION_RATE_LIMIT_PER_IP": "1000000/h",
}
PAGE_SECONDS = int(os.environ.get("BENCH_PAGE_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SEARCH_SECONDS = int(os.environ.get("BENCH_SEARCH_SECONDS", "30"))
MIX_SECONDS = int(os.environ.get("BENCH_MIX_SECONDS", "60"))
THREADS = "2"
TIMEOUT = "10s"


def say(message: str) -> None:
    sys.stdout.write(message + "\n")
    sys.stdout.flush()


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def fetch(path: str) -> tuple[bytes, dict[str, str]]:
    with urllib.request.urlopen(URL + path, timeout=30) as answer:
        return answer.read(), {k.lower(): v for k, v in answer.headers.items()}


def wrk(url: str, connections: int, seconds: int, script: str | None = None) -> dict[str, Any]:
    command = ["wrk", "-t", THREADS, "-c", str(connections), "-d", f"{seconds}s"]
    command += ["--timeout", TIMEOUT, "--latency"]
    if script:
        command += ["-s", script]
    output = subprocess.run(
        [*command, url], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, Any] = {
        "requests_per_second": float(_find(r"Requests/sec:\s+([\d.]+)", output))
    }
    line = re.search(r"^RESULT (.*)$", output, re.MULTILINE)
    if line:
        result.update(json.loads(line.group(1)))
    else:
        result["p50_ms"] = _ms(_find(r"^\s+50%\s+(\S+)", output))
        result["p99_ms"] = _ms(_find(r"^\s+99%\s+(\S+)", output))
        result["non_2xx_3xx"] = int(_find(r"Non-2xx or 3xx responses: (\d+)", output, "0"))
        socket = re.search(r"Socket errors: (.*)", output)
        result["socket_errors"] = socket.group(1) if socket else "none"
    return result


def _find(pattern: str, text: str, default: str | None = None) -> str:
    match = re.search(pattern, text, re.MULTILINE)
    if match:
        return match.group(1)
    if default is None:
        raise RuntimeError(f"wrk's output has no {pattern!r}:\n{text}")
    return default


def _ms(value: str) -> float:
    number = float(re.sub(r"[a-z]+$", "", value))
    unit = re.search(r"[a-z]+$", value)
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit.group(0) if unit else "ms"]
    return round(number * factor, 2)


def start_stack() -> dict[str, str]:
    subprocess.run(
        ["scripts/system-deps.sh", "production"],
        cwd=ROOT,
        check=True,
        env={**os.environ, "BENCH": "1"},
    )
    subprocess.run(
        ["scripts/production.sh", "start"],
        cwd=ROOT,
        check=True,
        env={**os.environ, **RAISED_LIMITS},
    )
    env = {}
    for line in (RUN / "env").read_text().splitlines():
        key, _, value = line.partition("=")
        env[key] = value
    return env


def median_round(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    return sorted(rounds, key=lambda r: r["requests_per_second"])[len(rounds) // 2]


def cached_versus_static(example_path: str) -> list[dict[str, Any]]:
    pages = {
        "home": "/",
        "catalogue": "/voorbeelden/",
        "example": example_path,
        "matrix": "/elementenmatrix/",
    }
    folder = RUN / "bench-static"
    folder.mkdir(exist_ok=True)
    rows = []
    for name, path in pages.items():
        # A fresh copy in the cache (not one that nginx is still fetching anew) before timing.
        for _ in range(60):
            body, headers = fetch(path)
            if headers.get("x-cache-status") == "HIT":
                break
            time.sleep(0.5)
        else:
            raise RuntimeError(f"{path} is not served from the page cache")
        (folder / f"{name}.html").write_bytes(body)
        # Alternating rounds, the median of each side: on a shared machine one round alone
        # says more about the neighbours than about nginx.
        rounds: dict[str, list[dict[str, Any]]] = {"cached": [], "static": []}
        for _ in range(ROUNDS):
            rounds["cached"].append(wrk(URL + path, 32, PAGE_SECONDS))
            rounds["static"].append(wrk(f"{URL}/bench-static/{name}.html", 32, PAGE_SECONDS))
        cached, static = (median_round(rounds[side]) for side in ("cached", "static"))
        row = {
            "page": name,
            "path": path,
            "bytes": len(body),
            "cached": cached,
            "static": static,
            "ratio": round(cached["requests_per_second"] / static["requests_per_second"], 3),
            "rounds": {
                side: [r["requests_per_second"] for r in runs] for side, runs in rounds.items()
            },
        }
        say(
            f"  {name:<10} {len(body):>7} B  cached {cached['requests_per_second']:>9.0f}/s  "
            f"static {static['requests_per_second']:>9.0f}/s  ratio {row['ratio']:.2f}"
        )
        rows.append(row)
    return rows


def csrf_pair() -> tuple[str, str]:
    body, headers = fetch("/taalcheck/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    cookie = re.search(r"csrftoken=([^;]+)", headers.get("set-cookie", ""))
    if not token or not cookie:
        raise RuntimeError("the language check page gave no CSRF token and cookie")
    return cookie.group(1), token.group(1).decode()


def scripted(title: str, script: str, connections: int, seconds: int) -> dict[str, Any]:
    say(f"{title}, {connections} connections, {seconds} s:")
    result = wrk(URL, connections, seconds, f"benchmarks/wrk/{script}")
    say(
        f"  {result['requests_per_second']:.1f}/s  p50 {result['p50_ms']} ms  "
        f"p99 {result['p99_ms']} ms  statuses {result['statuses']}  errors {result['errors']}"
    )
    return result


def main() -> None:
    env = start_stack()
    workers = env.get("GUNICORN_WORKERS") or str((os.cpu_count() or 1) * 2 + 1)
    examples = json.loads(fetch("/api/v1/examples/")[0])["results"]
    example_path = examples[0]["url"].removeprefix(URL)
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores, {platform.python_version()}, {platform.machine()}",
        "gunicorn_workers": int(workers),
        "raised_limits": RAISED_LIMITS,
        "wrk": {"threads": int(THREADS), "timeout": TIMEOUT, "page_rounds": ROUNDS},
        "load_before": load(),
    }
    say(f"Load average before: {results['load_before']}; gunicorn workers: {workers}")

    # A stack just started is still booting gunicorn's workers and filling caches: let it
    # settle, and warm up nginx and wrk, before the first timed round.
    time.sleep(15)
    wrk(URL + "/", 32, PAGE_SECONDS)
    say(f"Cached pages against the same bytes as static files, 32 connections, {PAGE_SECONDS} s:")
    results["pages"] = cached_versus_static(example_path)

    # gunicorn may have just started its workers: warm them up before timing.
    wrk(URL, 32, 5, "benchmarks/wrk/search.lua")
    results["search"] = scripted("Catalogue search, never cached", "search.lua", 32, SEARCH_SECONDS)

    cookie, token = csrf_pair()
    os.environ.update(
        BENCH_EXAMPLE_PATH=example_path, BENCH_CSRF_COOKIE=cookie, BENCH_CSRF_TOKEN=token
    )
    results["mix"] = scripted("Mixed load", "mix.lua", 64, MIX_SECONDS)
    results["load_after"] = load()
    say(f"Load average after: {results['load_after']}")
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    say(f"Results: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
