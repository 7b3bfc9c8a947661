"""The code stays livable (issue 13): no module of ``src/claimx`` over 700
lines, no class over 400, no function over 90, measured on the syntax tree.
A block that outgrows these is split where a reader would split it."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "claimx"
MODULES = sorted(SRC.rglob("*.py"))
LIMITS = {"module": 700, "class": 400, "function": 90}


def sizes(path: Path) -> list[tuple[str, str, int]]:
    """(kind, name, lines) for the module and each class and function in it."""
    source = path.read_text(encoding="utf-8")
    out = [("module", path.name, len(source.splitlines()))]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            out.append(("class", f"{path.name}:{node.name}", node.end_lineno - node.lineno + 1))
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            out.append(("function", f"{path.name}:{node.name}", node.end_lineno - node.lineno + 1))
    return out


def test_sizes_are_measured():
    # the measure itself: a two-line function is two lines, a class spans its body
    tree = sizes(Path(__file__))
    assert ("function", "test_structure.py:test_sizes_are_measured", 5) in tree
    assert len(MODULES) > 20


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_within_limits(path):
    over = [(kind, name, n) for kind, name, n in sizes(path) if n > LIMITS[kind]]
    assert not over, f"over the limits {LIMITS}: {over}"


# --- layout (issue 24; written by relayout.py) ---
# The tree shows the architecture: few modules at the top, a package per
# role, no import cycles, dependencies pointing one way (README, "How it
# works"). Imports are read from the syntax tree, module- and function-level;
# those under ``if TYPE_CHECKING:`` are type hints and do not count.

TOP_MODULES = 8

# Each unit of claimx (a top-level module or package; "claimx" is its
# __init__) and the units it may import. Within a unit anything goes.
# Data flows read -> pipeline -> records -> write; the corpus, the cluster and
# the evaluation build on them; only __main__ imports the CLI.
MAY_IMPORT = {
    "claimx": set(),
    "records": {"claimx"},
    "acts": {"records"},
    "lexicon": {"acts"},
    "signals": set(),
    "recordfiles": set(),  # claimx's record files read back: plain parsing, for read, write and corpus
    "read": {"claimx", "recordfiles"},
    "pipeline": {"claimx", "read", "records", "acts", "lexicon", "signals"},
    "write": {"claimx", "records", "acts", "signals", "recordfiles"},
    "corpus": {"claimx", "read", "records", "acts", "lexicon", "write", "recordfiles"},
    "cluster": {"claimx", "read", "pipeline", "records", "acts", "signals", "write"},
    "evaluate": {"claimx", "read", "pipeline", "records", "acts", "lexicon"},
    "cli": {"claimx", "read", "pipeline", "records", "acts", "lexicon", "signals", "write", "corpus", "cluster",
            "evaluate"},
    "__main__": {"cli"},
}


def module_name(path: Path, root: Path = SRC.parent) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, name: str, is_package: bool, known: set[str]) -> set[str]:
    """The claimx modules a module's source imports (``from a import b``
    counts as ``a.b`` when that is a module), type hints aside."""
    out: set[str] = set()
    here = name.split(".") if is_package else name.split(".")[:-1]

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse)
                continue
            if isinstance(node, ast.Import):
                out.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = ".".join(here[:len(here) - node.level + 1] + [node.module or ""]).strip(".") \
                    if node.level else node.module or ""
                for a in node.names:
                    out.add(f"{base}.{a.name}" if f"{base}.{a.name}" in known else base)
            for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                visit([n for n in getattr(node, field, []) if isinstance(n, ast.AST)])

    visit(ast.parse(source).body)
    return {m for m in out if m in known and m != name}


def import_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in MODULES}
    known = set(files)
    return {n: imported(p.read_text(encoding="utf-8"), n, p.name == "__init__.py", known) for n, p in files.items()}


def unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "claimx"


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = [stack.pop()]
            while comp[-1] != v:
                comp.append(stack.pop())
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return found


def test_imports_are_read():
    # the measure itself: a function-level import counts, a type hint does not
    known = {"claimx.a", "claimx.b", "claimx.c", "claimx.p", "claimx.p.q"}
    source = ("from typing import TYPE_CHECKING\nfrom claimx import a\nfrom . import p\n"
              "if TYPE_CHECKING:\n    from claimx.c import C\n"
              "def f():\n    from claimx.p.q import g\n    import claimx.b\n")
    assert imported(source, "claimx.x", False, known) == {"claimx.a", "claimx.p", "claimx.p.q", "claimx.b"}
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_few_modules_at_the_top():
    top = sorted(p.name for p in SRC.glob("*.py"))
    assert len(top) <= TOP_MODULES, f"{len(top)} modules at the top of src/claimx (at most {TOP_MODULES}): {top}"


def test_each_package_says_what_it_owns():
    bare = [str(p.relative_to(SRC)) for p in SRC.rglob("__init__.py") if not ast.get_docstring(ast.parse(p.read_text()))]
    assert not bare, f"packages without a docstring saying what they own and may import: {bare}"


def test_no_import_cycles():
    found = cycles(import_graph())
    assert not found, f"modules importing each other, through others or not: {found}"


def test_dependencies_point_one_way():
    wrong = []
    for a, targets in sorted(import_graph().items()):
        if unit(a) not in MAY_IMPORT:
            wrong.append(f"{a}: its unit {unit(a)!r} is not in MAY_IMPORT (say what it may import)")
            continue
        wrong += [f"{a} imports {b}" for b in sorted(targets)
                  if unit(b) != unit(a) and unit(b) not in MAY_IMPORT[unit(a)]]
    assert not wrong, "against MAY_IMPORT:\n" + "\n".join(wrong)


def test_nothing_imports_the_cli():
    users = sorted(a for a, targets in import_graph().items() if "claimx.cli" in targets and a != "claimx.__main__")
    assert not users, users


def test_old_paths_are_the_new_modules():
    import importlib
    import importlib.metadata

    import claimx

    moved = claimx._MOVED  # old path -> new path
    assert moved, "claimx/__init__.py keeps the old import paths"
    public = [old for old in moved if old.split(".")[1] in ("extract", "components", "inputs")]  # the API's
    assert len(public) == 3, public
    for old in public:
        assert importlib.import_module(old) is importlib.import_module(moved[old])
    pkg = next(old for old, new in moved.items() if (SRC.parent / new.replace(".", "/") / "__init__.py").exists())
    sub = next(p.stem for p in (SRC.parent / moved[pkg].replace(".", "/")).glob("*.py") if p.stem != "__init__")
    assert importlib.import_module(f"{pkg}.{sub}") is importlib.import_module(f"{moved[pkg]}.{sub}")
    # the spaCy factories, by the entry points pip installed (old or new paths alike)
    factories = {ep.name: ep for ep in importlib.metadata.entry_points(group="spacy_factories")}
    if "claimx_attribution" in factories:
        assert callable(factories["claimx_attribution"].load())


def test_the_repository_uses_the_new_paths():
    import claimx

    root = SRC.parent.parent
    old = tuple(claimx._MOVED)
    stale = []
    for folder in ("src", "tests", "scripts", "benchmarks"):
        for path in sorted((root / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
                if isinstance(node, ast.ImportFrom) and node.module == "claimx" and not node.level:
                    names = [f"claimx.{a.name}" for a in node.names]  # from claimx import extract
                stale += [f"{path.relative_to(root)}:{node.lineno} {n}" for n in names
                          if n in old or n.startswith(tuple(o + "." for o in old))]
    assert not stale, "old import paths (kept for users only):\n" + "\n".join(stale)
