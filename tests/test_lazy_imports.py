"""Commands load only what they use: `quotes --help` and `quotes extract` import neither
torch nor SQLAlchemy nor transformers (checked in a fresh interpreter, as a user runs them).
Behaviour, not timing: `benchmarks/speed.py` measures the time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("torch", "sqlalchemy", "alembic", "transformers", "httpx", "jinja2")

_PROBE = """
import json, sys
from quotes.cli import main
code = main(sys.argv[1:])
print("\\nMODULES " + json.dumps(sorted(m for m in sys.modules if "." not in m)))
sys.exit(code)
"""


def _modules(tmp_path: Path, *args: str) -> tuple[set[str], str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QUOTES_DB": str(tmp_path / "none.db"),
           "QUOTES_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=600)
    assert run.returncode == 0, run.stderr
    out, _, listed = run.stdout.rpartition("\nMODULES ")
    return set(json.loads(listed)), out


def test_help_loads_no_heavy_module(tmp_path: Path) -> None:
    modules, out = _modules(tmp_path, "--help")
    assert "verify" in out
    assert not modules & {*HEAVY, "spacy", "numpy", "pydantic"}


def test_extract_loads_neither_torch_nor_the_store(tmp_path: Path) -> None:
    """Nor spaCy, once the language's tokenizer tables are cached: the first run builds
    them from spaCy, the second reads them."""
    article = tmp_path / "article.txt"
    article.write_text("La maire fictive Claire Exemple a déclaré jeudi : « Nous ouvrirons "
                       "l'école d'aujourd'hui à 8 h, pas avant. » Puis elle est partie.\n",
                       encoding="utf-8")
    _modules(tmp_path, "extract", str(article), "--lang", "fr")
    modules, out = _modules(tmp_path, "extract", str(article), "--lang", "fr")
    assert "Nous ouvrirons" in out
    assert not modules & {*HEAVY, "spacy"}  # its tables are cached after the first run


def test_library_names_still_resolve() -> None:
    """The lazy packages hand out the same objects as their modules."""
    from quotes import pipeline
    from quotes.pipeline.runs import VerifyOptions
    from quotes.pipeline.verifier import Verifier

    assert pipeline.VerifyOptions is VerifyOptions
    assert pipeline.Verifier is Verifier
    assert set(pipeline.__all__) >= {"verify", "extract", "story", "Analyzer"}
