"""The house rules of the code base, checked: sizes, complexity and which way imports go.

Stages (extract → attribute → translate → match → compare → report) share types only
through `quotes.models`; none of them reads the store, the network or the CLI, so each
can be tested as a pure function and replaced on its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from radon.complexity import cc_visit

PACKAGE = Path(__file__).resolve().parents[1] / "quotes"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
MAX_COMPLEXITY = 15
MAX_CLI_LINES = 700
# Modules that hold a pipeline stage or pure language knowledge: they must not reach
# the store, the network, the CLI or the orchestration above them.
STAGES = ("extract", "attribute", "translate", "match", "compare", "anchors", "text", "lang",
          "report", "story")
EDGES = ("quotes.store", "quotes.net", "quotes.sources", "quotes.cli", "quotes.pipeline",
         "quotes.verify")


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def _relative(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _is_stage(path: Path) -> bool:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0].startswith(STAGES) and parts[0] not in ("cli",)


def test_no_module_is_oversized() -> None:
    big = {_relative(p): n for p in _modules()
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert big == {}


def test_the_cli_stays_thin() -> None:
    lines = sum(len(p.read_text(encoding="utf-8").splitlines())
                for p in (PACKAGE / "cli").rglob("*.py"))
    assert lines <= MAX_CLI_LINES


def test_functions_are_small_and_simple() -> None:
    offenders = []
    for path in _modules():
        for block in cc_visit(path.read_text(encoding="utf-8")):
            length = block.endline - block.lineno + 1
            if block.complexity > MAX_COMPLEXITY or length > MAX_FUNCTION_LINES:
                if type(block).__name__ == "Class" and block.complexity <= MAX_COMPLEXITY:
                    continue  # a class may be long; its methods are checked one by one
                offenders.append(f"{_relative(path)}:{block.lineno} {block.fullname} "
                                 f"cc={block.complexity} lines={length}")
    assert offenders == []


@pytest.mark.parametrize("path", [p for p in _modules() if _is_stage(p)], ids=_relative)
def test_stages_do_not_reach_the_edges(path: Path) -> None:
    reached = {name for name in _imports(path) if name.startswith(EDGES)}
    assert reached == set()


# What every stage builds on (words and sentences, the language tables): shared by all.
FOUNDATIONS = ("text", "lang")


def _stage_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "quotes" or parts[1] in FOUNDATIONS:
        return None
    return parts[1] if parts[1].startswith(STAGES) else None


@pytest.mark.parametrize("path", [p for p in _modules() if _is_stage(p)], ids=_relative)
def test_stages_share_types_only_through_models(path: Path) -> None:
    """A stage may call another stage's functions and read its constants; the types they
    exchange live in quotes.models, so no stage depends on another's internals."""
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    borrowed = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            stage = _stage_of(node.module)
            if stage is None or stage == own:
                continue
            borrowed += [f"{node.module}.{a.name}" for a in node.names
                         if a.name[:1].isupper() and not a.name.isupper()]
    assert borrowed == []


def test_no_library_module_reads_cli_state() -> None:
    offenders = [_relative(p) for p in _modules()
                 if "cli" not in p.relative_to(PACKAGE).parts and p.name != "__main__.py"
                 and any(n.startswith("quotes.cli") for n in _imports(p))]
    assert offenders == []


def test_the_package_ships_its_type_information() -> None:
    assert (PACKAGE / "py.typed").is_file()
