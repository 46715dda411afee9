"""The house keeps its shape: imports point one way, names come from their owners, the root stays small.

The import graph is read with `ast` from the source (every import, also those inside functions
and under TYPE_CHECKING), so a cycle or a borrowed private name fails here before it confuses
a reader of the code.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path

import pytest

import missive

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "missive"


@dataclass(frozen=True)
class Import:
    importer: str
    target: str  # a module of the package
    name: str  # the imported name ("" for `import x` / a whole module)
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


def imports_of(name: str) -> list[Import]:
    is_package = MODULES[name].name == "__init__.py"
    out = []
    for node in ast.walk(TREES[name]):
        if isinstance(node, ast.Import):
            out += [Import(name, a.name, "", node.lineno) for a in node.names if a.name in MODULES]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target not in MODULES:
                continue
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                out.append(Import(name, submodule, "", node.lineno) if submodule in MODULES
                           else Import(name, target, alias.name, node.lineno))
    return out


IMPORTS = [i for name in MODULES for i in imports_of(name)]


def defined_names(tree: ast.Module) -> set[str]:
    """Names a module binds itself at its top level (not by importing them)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node in tree.body:
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return names


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if not state.get(nxt) and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if not state.get(node) and (found := visit(node)):
            return found
    return None


def test_the_package_imports_form_no_cycle():
    graph: dict[str, set[str]] = {}
    for i in IMPORTS:
        if i.target != i.importer and i.importer != "missive":  # the public API imports the stages
            graph.setdefault(i.importer, set()).add(i.target)
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}}) is None


def test_no_private_name_is_imported_across_modules():
    private = [f"{i.importer}:{i.line} imports {i.target}.{i.name}" for i in IMPORTS if i.name.startswith("_")]
    assert private == []


def test_names_are_imported_from_the_module_that_defines_them():
    """No facade re-exports another module's names; the public API (missive/__init__) is the one exception."""
    borrowed = [f"{i.importer}:{i.line} imports {i.name} from {i.target}, which only imports it"
                for i in IMPORTS if i.name and i.target != "missive" and i.name not in defined_names(TREES[i.target])]
    assert borrowed == []


def test_stages_depend_one_way():
    """A stage never imports a later one: documents, temporal and actors know nothing of extraction,
    extraction nothing of the store, the store nothing of the CLI or the web; watch (the network
    half of `missive watch`) only fetches, and the store records its state."""
    later = {"knowledge": {"documents", "temporal", "actors", "extraction", "consolidation", "store", "cli", "web",
                           "pipeline", "watch"},
             "documents": {"extraction", "consolidation", "store", "cli", "web", "pipeline", "watch"},
             "temporal": {"actors", "extraction", "consolidation", "store", "cli", "web", "pipeline", "watch"},
             "actors": {"extraction", "consolidation", "store", "cli", "web", "pipeline", "watch"},
             "extraction": {"consolidation", "store", "cli", "web", "pipeline", "watch"},
             "consolidation": {"store", "cli", "web", "pipeline", "extraction", "watch"},
             "watch": {"extraction", "consolidation", "store", "cli", "web", "pipeline"},
             "store": {"cli", "web", "pipeline", "extraction"}}
    wrong = [f"{i.importer} imports {i.target}" for i in IMPORTS if i.importer.count(".")
             and i.target.count(".") and i.target.split(".")[1] in later.get(i.importer.split(".")[1], ())]
    assert wrong == []


def test_the_root_package_holds_at_most_ten_modules():
    root = [p.name for p in PACKAGE.glob("*.py")]
    assert len(root) <= 10, root


def test_every_module_opens_with_a_docstring_saying_why():
    missing = [name for name, tree in TREES.items() if not ast.get_docstring(tree)]
    assert missing == []


def test_no_method_is_picked_by_a_formatted_name():
    """getattr(self, f"_read_{kind}") hides which code runs; an explicit table says it."""
    found = [f"{name}:{n.lineno}" for name, tree in TREES.items() for n in ast.walk(tree)
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "getattr"
             and len(n.args) >= 2 and isinstance(n.args[1], (ast.JoinedStr, ast.BinOp))]
    assert found == []


def test_the_public_api_is_pinned_and_leaks_nothing():
    assert sorted(missive.__all__) == sorted([
        "Actor", "DateWindow", "Document", "Event", "Extractor", "Skip", "Span",
        "event_from_flat", "event_to_flat", "extract", "ingest", "process", "read_documents",
    ])
    submodules = {m.name for m in pkgutil.iter_modules(missive.__path__)}
    public = {n for n in dir(missive) if not n.startswith("_")}
    # a subpackage without an __init__ ("missive.data", once a test reads the packaged files through
    # it) is no leak either: it is the package's own module, as pkgutil's list is
    own_modules = {n for n in public if getattr(getattr(missive, n), "__name__", None) == f"missive.{n}"
                   and type(getattr(missive, n)).__name__ == "module"}
    assert public - set(missive.__all__) <= submodules | own_modules


@pytest.mark.parametrize("name", sorted(m.name for m in pkgutil.iter_modules(missive.__path__)))
def test_every_submodule_of_the_package_imports_as_a_module(name: str):
    """`import missive.documents.reading` (the reading module) gives a module, never a function of
    the public API that happens to share its name."""
    importlib.import_module(f"missive.{name}")
    assert type(getattr(missive, name)).__name__ == "module"


def test_the_reading_module_is_a_module():
    import missive.documents.reading

    assert type(missive.documents.reading).__name__ == "module"
    assert callable(missive.ingest) and callable(missive.read_documents)
