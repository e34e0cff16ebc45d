"""Modules that load on first use, so that `quotes --help` or `quotes extract` never
import what only other commands need (spaCy, SQLAlchemy, httpx, torch): `from quotes
import report` hands out `quotes.report` unloaded (see `quotes.__getattr__`), and its code
runs when one of its names is first read."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import Any


def lazy_module(name: str) -> ModuleType:
    """The module `name`, run only when one of its attributes is first read (the
    standard library's `LazyLoader`); the module itself if it is already loaded."""
    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


def lazy_exports(
    namespace: dict[str, Any], exports: Mapping[str, Sequence[str]]
) -> Callable[[str], Any]:
    """A package's `__getattr__` (PEP 562) from {module: the names it re-exports}: each
    module is imported when one of its names is first read. `namespace` is the package's
    `globals()`; it keeps each name once read."""
    where = {name: module for module, names in exports.items() for name in names}
    package = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
