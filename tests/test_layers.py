"""The layers of the code, checked on every run (CONTRIBUTING.md draws them):

    asll/app  →  intake, reports  →  generators  →  asll/storage  →  asll/domain  →  asll/config

A module may import its own layer and the layers below it, never above; intake and reports
do not import each other. No module imports a private name (`_x`) from another module, and
modules form no import cycle. Read with `ast`, so that nothing is imported to check it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("asll", "intake", "generators", "reports")

# What each layer may import, besides itself and the standard and third-party libraries.
BELOW = {
    "config": set(),
    "domain": {"config"},
    "storage": {"domain", "config"},
    "generators": {"storage", "domain", "config"},
    "intake": {"generators", "storage", "domain", "config"},
    "reports": {"generators", "storage", "domain", "config"},
    "app": {"intake", "reports", "generators", "storage", "domain", "config"},
}

# Debts owned by the extractor rewrite (intake/extract.py and intake/parsers/), to remove
# with it: each entry must still exist, so that a paid debt is struck off here too.
KNOWN_PRIVATE: set[tuple[str, str, str]] = set()
KNOWN_CYCLES: set[frozenset[str]] = set()


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] in ("intake", "generators", "reports"):
        return parts[0]
    if parts[0] != "asll":
        return None
    if len(parts) == 1 or parts[1] in ("__main__", "app"):
        return "app"
    if parts[1] in ("config", "resources"):  # settings and the bundled files' places
        return "config"
    return parts[1] if parts[1] in ("domain", "storage") else "app"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_files() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


def imports_of(path: Path) -> list[tuple[str, list[str], int]]:
    """(imported module, names taken from it, line) for every import, at any depth."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            names = [alias.name for alias in node.names]
            if not node.module:  # `from . import x`: x is a module
                out += [(f"{base}.{name}", [], node.lineno) for name in names]
            else:
                out.append((base, names, node.lineno))
    return [(m, names, line) for m, names, line in out if m.split(".")[0] in PACKAGES]


def all_imports():
    for path in source_files():
        for target, names, line in imports_of(path):
            yield module_name(path), target, names, f"{path.relative_to(ROOT)}:{line}"


def test_every_module_has_a_layer():
    assert {layer_of(module_name(p)) for p in source_files()} == set(BELOW)


def test_imports_go_down_the_layers():
    wrong = []
    for source, target, _, where in all_imports():
        have, want = layer_of(source), layer_of(target)
        if have != want and want not in BELOW[have]:
            wrong.append(f"{where}: {source} ({have}) imports {target} ({want})")
    assert not wrong, "\n".join(wrong)


def test_no_private_name_from_another_module():
    found = set()
    for source, target, names, _ in all_imports():
        found |= {
            (source, target, n)
            for n in names
            if n.startswith("_") and not n.startswith("__") and target != source
        }
    assert found == KNOWN_PRIVATE


def strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm: the groups of modules that reach each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups = []

    def visit(node: str):
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == node:
                    break
            groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_import_cycle():
    graph: dict[str, set[str]] = {}
    modules = {module_name(p) for p in source_files()}
    for source, target, names, _ in all_imports():
        # `from package import module` imports the module
        targets = {f"{target}.{n}" for n in names if f"{target}.{n}" in modules} or {target}
        graph.setdefault(source, set()).update(t for t in targets if t != source)
    cycles = {frozenset(c) for c in strongly_connected(graph) if len(c) > 1}
    assert cycles == KNOWN_CYCLES


@pytest.mark.parametrize(
    "source, target, ok",
    [
        ("intake.pipeline", "asll.storage.store", True),
        ("intake.watcher", "asll.app.status", False),
        ("asll.domain.deadlines", "asll.storage.store", False),
        ("asll.storage.store", "asll.domain.model", True),
        ("generators.context", "reports.stats", False),
        ("reports.gts", "intake.french", False),
        ("asll.app.cli", "intake.pipeline", True),
        ("asll.domain.sectors", "asll.config", True),
    ],
)
def test_the_rule_itself(source, target, ok):
    have, want = layer_of(source), layer_of(target)
    assert (have == want or want in BELOW[have]) is ok
