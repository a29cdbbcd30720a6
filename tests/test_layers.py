"""The package's imports point one way: faces -> pipeline -> stages -> values.

The layers are those of docs/architecture.md.

Every import in src/dateline — lazy ones inside functions included, since a late import only
hides a cycle — is read from the source, and checked against the layer order below: a module
may import its own package, or a package of a lower layer, never a higher one, and no chain of
imports may lead back to where it started.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

#: Lowest first. The stages follow the flow of data (sources -> extract -> nlp -> actors ->
#: quotes -> events -> store -> export); the faces users call sit on top.
LAYERS: tuple[tuple[str, ...], ...] = (
    # values and data that need nothing
    ("errors", "version", "tone", "dates", "examples", "heap", "tsv"),
    ("model",),
    ("options", "output"),
    ("sources",),
    ("extract",),
    ("nlp",),
    ("actors",),
    ("quotes",),
    ("events",),
    ("store",),
    ("export",),
    ("compare", "spark_tables"),
    ("pipeline",),
    ("batch",),
    ("watch", "spark"),
    ("api", "web"),
    ("cli",),
    ("dateline", "__main__", "spark_submit"),  # the package itself and the entry points
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((SRC / "dateline").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            # "from dateline import x" imports the module dateline.x, not the package
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        for target in targets:
            while target not in modules and "." in target:
                target = target.rpartition(".")[0]
            if target in modules and target != name and target.startswith("dateline"):
                out.add(target)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "dateline"


def test_every_package_has_a_layer() -> None:
    assert {_package(m) for m in _graph()} <= set(RANK)


def test_imports_point_down_the_layers() -> None:
    upward = sorted(
        f"{module} imports {target}"
        for module, targets in _graph().items()
        for target in targets
        if _package(module) != _package(target) and RANK[_package(target)] >= RANK[_package(module)]
    )
    assert upward == []


def test_no_import_cycle() -> None:
    graph = _graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_checker_sees_lazy_and_relative_imports(tmp_path: Path) -> None:
    modules = {"dateline.a": tmp_path / "a.py", "dateline.b": tmp_path / "b.py"}
    source = "def f():\n    from dateline import b\n"
    modules["dateline.a"].write_text(source, encoding="utf-8")
    assert _imports("dateline.a", modules["dateline.a"], modules) == {"dateline.b"}
