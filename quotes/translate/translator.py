"""The `Translator`: one model per language, texts split to fit it, batched so batching
changes no output, and read from and written to a cache of earlier translations."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from quotes.config import default_data_dir
from quotes.errors import InputError
from quotes.models import Translated
from quotes.text import sentences
from quotes.translate.backends import (
    Backend,
    BergamotBackend,
    CTranslate2Backend,
    MarianBackend,
    check_complete,
    convert_to_ct2,
    max_new_tokens,
)
from quotes.translate.locate import LocatedModel, find_model
from quotes.translate.registry import (
    BACKENDS,
    CT2_WEIGHTS,
    DEFAULT_BATCH_SIZE,
    ENGLISH,
    BackendKind,
    ModelLoadError,
    load_failure_message,
    missing_message,
    model_for,
    one_line,
)

# --- splitting long texts ------------------------------------------------------------------


def _words_within(sentence: str, count: Callable[[str], int], limit: int) -> list[str]:
    """A sentence too long for the model, cut between words (the tokenizer truncates a
    single word longer than the limit: nothing more sensible can be done with it)."""
    return _pack(((word, count(word)) for word in sentence.split()), limit)


def _pack(units: Iterable[tuple[str, int]], limit: int) -> list[str]:
    """(text, tokens) units joined greedily, in order, into pieces of at most `limit`
    tokens (a unit larger than the limit stands alone)."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for unit, size in units:
        if current and used + size > limit:
            pieces.append(" ".join(current))
            current, used = [], 0
        current.append(unit)
        used += size
    if current:
        pieces.append(" ".join(current))
    return pieces


def split_text(
    text: str, count: Callable[[str], int], limit: int, *, pack: bool = True
) -> list[str]:
    """`text` as pieces of at most `limit` tokens, cut at sentence ends where possible.

    Consecutive sentences are packed together while they fit, because the model
    translates better with context. Token counts add up across whitespace (SentencePiece
    pieces never span it), so each sentence is counted once. With `pack` false every
    sentence is a piece of its own (for models that translate one sentence at a time).
    """
    text = text.strip()
    if not pack:
        return [unit for unit, _ in _units(text, count, limit)]
    if count(text) <= limit:
        return [text]
    return _pack(_units(text, count, limit), limit)


def _units(text: str, count: Callable[[str], int], limit: int) -> Iterator[tuple[str, int]]:
    """The sentences of `text` with their token counts, an overlong one cut at words."""
    for sentence in (span.text for span in sentences(text)):
        size = count(sentence)
        if size <= limit:
            yield sentence, size
        else:
            yield from ((part, count(part)) for part in _words_within(sentence, count, limit))


# --- the translator ----------------------------------------------------------------------------


class TranslationCache(Protocol):
    """Where translations are kept between runs; `quotes.store.Archive` is one."""

    def cached_translations(self, model: str, sources: Sequence[str]) -> dict[str, str]: ...

    def store_translations(self, model: str, translations: Mapping[str, str]) -> None: ...


@dataclass(frozen=True, slots=True)
class _Loaded:
    model: LocatedModel
    model_id: str
    backend: Backend | None  # None: loading failed


class Translator:
    """Translates (language, text) items into English with one model per language.

    Each model is located when its language first occurs and loaded only when a text is
    not in the cache, then kept for the life of the translator: make one per process.
    Languages without a usable model give None and one message each in `missing`.
    """

    def __init__(
        self,
        *,
        model_dir: Path | None = None,
        overrides: Mapping[str, str] | None = None,
        backend: BackendKind = "transformers",
        batch_size: int = DEFAULT_BATCH_SIZE,
        cache: TranslationCache | None = None,
        max_tokens: int | None = None,
        threads: int = 0,
        hf_cache: Path | None = None,
        ct2_dir: Path | None = None,
        stores: Sequence[Path] | None = None,
    ) -> None:
        if backend not in BACKENDS:
            raise InputError(f"unknown backend {backend!r} (known: {', '.join(BACKENDS)})")
        if batch_size < 1:
            raise InputError(f"batch size must be at least 1, not {batch_size}")
        self.model_dir = model_dir
        self.overrides = dict(overrides or {})
        self.backend = backend
        self.batch_size = batch_size
        self.cache = cache
        self.max_tokens = max_tokens  # None: the model's own limit
        self.threads = threads
        self.hf_cache = hf_cache
        self.stores = stores  # where Firefox Translations models are; None: the defaults
        # Marian models converted for the ctranslate2 backend are kept here for next time.
        self.ct2_dir = ct2_dir if ct2_dir is not None else default_data_dir() / "ct2"
        self.missing: dict[str, str] = {}
        self._located: dict[str, LocatedModel | None] = {}  # by model name
        self._loaded: dict[str, _Loaded] = {}  # by model name: languages may share one
        self._used: dict[str, str] = {}  # language → model id that gave its translations

    @property
    def loaded(self) -> dict[str, str]:
        """model name → model id of every model this translator has loaded."""
        return {n: x.model_id for n, x in self._loaded.items() if x.backend is not None}

    @property
    def used(self) -> dict[str, str]:
        """language → model id ("name@revision") of every language translated so far,
        from the cache or by a model: what a report names as its translation source."""
        return dict(self._used)

    def translate(self, items: Sequence[tuple[str, str]]) -> list[Translated | None]:
        """The back-translation of each (language, text), in order; None for English
        items, empty texts and languages whose model is missing or broken."""
        results: list[Translated | None] = [None] * len(items)
        by_language: dict[str, list[int]] = {}
        for index, (language, text) in enumerate(items):
            if language != ENGLISH and text.strip():
                by_language.setdefault(language, []).append(index)
        for language, indexes in by_language.items():
            texts = list(dict.fromkeys(items[i][1] for i in indexes))  # each text once
            done = self._translate_language(language, texts)
            for index in indexes:
                results[index] = done.get(items[index][1])
        return results

    def translate_one(self, language: str, text: str) -> Translated | None:
        return self.translate([(language, text)])[0]

    # -- per language ------------------------------------------------------------------

    def _translate_language(self, language: str, texts: list[str]) -> dict[str, Translated]:
        name = model_for(language, self.overrides, self.backend)
        if name is None:
            return {}
        model = self._locate(name)
        if model is None:
            self.missing.setdefault(language, missing_message(language, name))
            return {}
        model_id = self._model_id(model)
        cached = self.cache.cached_translations(model_id, texts) if self.cache else {}
        done = {
            source: Translated(text, model.name, model.revision, cached=True)
            for source, text in cached.items()
        }
        if cached:
            self._used[language] = model_id
        todo = [t for t in texts if t not in cached]
        if not todo:
            return done
        backend = self._backend(language, model, model_id)
        if backend is None:
            return done
        try:
            fresh = self._run(backend, todo)
        # A model that loads but fails on real input (a broken vocabulary, out of memory)
        # costs its language the translation, like a missing model, not the whole run.
        except Exception as exc:
            self.missing.setdefault(
                language,
                f"no back-translation for {language}: model {name} failed: {one_line(exc)}",
            )
            return done
        if self.cache is not None:
            self.cache.store_translations(model_id, fresh)
        for source, text in fresh.items():
            done[source] = Translated(text, model.name, model.revision, cached=False)
        self._used[language] = model_id
        return done

    def _locate(self, name: str) -> LocatedModel | None:
        if name not in self._located:
            self._located[name] = find_model(
                name, self.model_dir, hf_cache=self.hf_cache, stores=self.stores
            )
        return self._located[name]

    def _converts(self, model: LocatedModel) -> bool:
        """A Marian directory run by CTranslate2 goes through a one-off conversion."""
        return self.backend == "ctranslate2" and model.kind == "transformers"

    def _model_id(self, model: LocatedModel) -> str:
        # Converted models translate (slightly) differently, so they cache apart.
        suffix = "+ct2-int8" if self._converts(model) else ""
        return f"{model.label}@{model.revision}{suffix}"

    def _backend(self, language: str, model: LocatedModel, model_id: str) -> Backend | None:
        if model.name not in self._loaded:
            try:
                backend = self.load_backend(model, model_id)
            # Loading reads files written by other tools: any failure (a truncated
            # download, a wrong format, a missing library) is reported for this language
            # and the run goes on without its back-translation.
            except Exception as exc:
                error = str(exc) if isinstance(exc, ModelLoadError) else one_line(exc)
                backend = None
                self.missing.setdefault(
                    language, load_failure_message(language, model.name, model.path, error)
                )
            self._loaded[model.name] = _Loaded(model, model_id, backend)
        loaded = self._loaded[model.name]
        if loaded.backend is None and language not in self.missing:
            # Another language sharing the model already reported it; say it here too.
            error = "it failed to load (see above)"
            self.missing[language] = load_failure_message(language, model.name, model.path, error)
        return loaded.backend

    def load_backend(self, model: LocatedModel, model_id: str) -> Backend:
        """Load `model` with the configured backend (called at most once per model).

        The one place a backend is made: a subclass may wrap what it returns.
        """
        if model.kind is None:
            check_complete(model.path)  # raises, naming what is missing
        if model.kind == "bergamot":
            return BergamotBackend(model.path, model_id)
        if model.kind == "ctranslate2":
            return CTranslate2Backend(model.path, model_id, threads=self.threads)
        if self._converts(model):
            target = self.ct2_dir / f"{model_id.replace('/', '--')}"
            if not (target / CT2_WEIGHTS).is_file():
                convert_to_ct2(model.path, target)
            return CTranslate2Backend(target, model_id, threads=self.threads)
        return MarianBackend(model.path, model_id)

    def _batches(self, lengths: list[int], limit: int) -> Iterator[list[int]]:
        """Indexes of texts in batches: longest first, so texts of similar length share a
        batch and little padding is computed, and never two output bounds in one batch,
        so that batching changes no output (see `max_new_tokens`)."""
        order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
        batch: list[int] = []
        for i in order:
            bound = max_new_tokens(lengths[i], limit)
            if batch and (
                len(batch) == self.batch_size or max_new_tokens(lengths[batch[0]], limit) != bound
            ):
                yield batch
                batch = []
            batch.append(i)
        if batch:
            yield batch

    def _run(self, backend: Backend, texts: list[str]) -> dict[str, str]:
        """Translate `texts` in batches, long ones in pieces joined back with a space."""
        limit = min(self.max_tokens or backend.max_tokens, backend.max_tokens)
        pieces: list[tuple[int, str, int]] = []  # (text index, piece, tokens)
        for index, text in enumerate(texts):
            pack = not backend.one_sentence
            for piece in split_text(text, backend.count_tokens, limit, pack=pack):
                pieces.append((index, piece, backend.count_tokens(piece)))
        translated: list[str] = [""] * len(pieces)
        for chunk in self._batches([tokens for _, _, tokens in pieces], backend.max_tokens):
            outputs = backend.translate([pieces[i][1] for i in chunk])
            for i, output in zip(chunk, outputs, strict=True):
                translated[i] = output
        joined: list[list[str]] = [[] for _ in texts]
        for (index, _, _), output in zip(pieces, translated, strict=True):
            joined[index].append(output)
        return {
            text: " ".join(part for part in parts if part)
            for text, parts in zip(texts, joined, strict=True)
        }
