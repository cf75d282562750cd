"""The house keeps its shape: data flows one way, with no import cycles (imports inside
functions count too), and no renderer imports another."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "hfs_info"
# Shared by the renderers, not renderers themselves.
RENDER_SHARED = {"hfs_info.render", "hfs_info.render.bars"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(("hfs_info", *path.relative_to(PACKAGE).with_suffix("").parts))
        found[name.removesuffix(".__init__")] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """What ``path`` imports of the package at run time (not under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text("utf-8"))
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and getattr(block.test, "id", None) == "TYPE_CHECKING"
        for node in ast.walk(block)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("hfs_info"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in modules else node.module or "")
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("hfs_info")}
    return {m for m in found if m in modules and m != "hfs_info"}


GRAPH = {name: _imports(path, _modules()) - {name} for name, path in _modules().items()}


def _reaches(start: str, goal: str) -> bool:
    seen, todo = set(), list(GRAPH[start])
    while todo:
        module = todo.pop()
        if module == goal:
            return True
        if module not in seen:
            seen.add(module)
            todo += GRAPH[module]
    return False


def test_no_import_cycles() -> None:
    cycles = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if _reaches(target, module)
    )
    assert cycles == []


def test_no_renderer_imports_another() -> None:
    sideways = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        if module.startswith("hfs_info.render.") and module not in RENDER_SHARED
        for target in targets
        if target.startswith("hfs_info.render") and target not in RENDER_SHARED
    )
    assert sideways == []


def test_the_graph_is_read() -> None:
    assert "hfs_info.actions" in GRAPH["hfs_info.cli"]  # the test sees imports at all
