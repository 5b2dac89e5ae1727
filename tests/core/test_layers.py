"""The apps' import graph: layers point one way and no module imports itself in a circle.

core → lexicon → examples → submissions / publication / research / api → reflection: an app
may import the apps below it, never one beside or above it. Imports inside functions count as
well: moving an import into a function to dodge a cycle does not remove the arrow.
"""

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "voorbeeldenbank"
ROOT = "voorbeeldenbank"
LAYERS = {
    "core": 0,
    "lexicon": 1,
    "examples": 2,
    "submissions": 3,
    "publication": 3,
    "research": 3,
    "api": 3,
    "reflection": 4,
}
# The project's own top: URL configuration, WSGI, settings. They may import any app.
TOP = {"urls", "wsgi", "settings", "__init__"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        found[module_name(path)] = path
    return found


def resolve(current: str, is_package: bool, node: ast.ImportFrom, known: set[str]) -> list[str]:
    if node.level:
        base = current.split(".") if is_package else current.split(".")[:-1]
        base = base[: len(base) - node.level + 1]
        prefix = ".".join(base + ([node.module] if node.module else []))
    else:
        prefix = node.module or ""
    targets = []
    for alias in node.names:
        # `from package import module` names a module; otherwise the import is of the package.
        candidate = f"{prefix}.{alias.name}"
        targets.append(candidate if candidate in known else prefix)
    return [target for target in targets if target in known]


def import_graph() -> dict[str, set[str]]:
    known = modules()
    names = set(known)
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                graph[name].update(resolve(name, is_package, node, names))
            elif isinstance(node, ast.Import):
                graph[name].update(alias.name for alias in node.names if alias.name in names)
        graph[name].discard(name)
    return graph


def app_of(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 1 else ""


def test_the_graph_sees_the_apps():
    graph = import_graph()
    assert "voorbeeldenbank.examples.models" in graph
    assert "voorbeeldenbank.core.models" in graph["voorbeeldenbank.examples.models.page"]


def test_no_app_imports_an_app_beside_or_above_it():
    upward = []
    for source, targets in import_graph().items():
        source_app = app_of(source)
        if source_app in TOP or source_app not in LAYERS:
            continue
        for target in targets:
            target_app = app_of(target)
            if target_app == source_app or target_app not in LAYERS:
                continue
            if LAYERS[target_app] >= LAYERS[source_app]:
                upward.append(f"{source} -> {target}")
    assert upward == []


def test_no_module_is_part_of_an_import_circle():
    graph = import_graph()
    circles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                circles.append(" -> ".join([*stack[stack.index(target) :], target]))
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert circles == []


def test_models_import_no_views_and_no_admin_code():
    offending = []
    for source, targets in import_graph().items():
        if ".models" not in source:
            continue
        for target in targets:
            if any(part in target.split(".") for part in ("views", "wagtail_hooks", "admin")):
                offending.append(f"{source} -> {target}")
    assert offending == []
