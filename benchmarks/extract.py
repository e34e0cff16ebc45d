"""Extraction throughput on a generated multilingual corpus of at least 5 MB.

Prints characters per second for the extract stage alone and for extract + attribute
(spaCy tokenization included), and their ratio. The corpus is built from short invented
passages in each language (fictional speakers only), shuffled with a fixed seed.

    python benchmarks/extract.py [--mb 5]
"""

from __future__ import annotations

import random
import sys
import time

from quotes.extract import extract_quotes
from quotes.models import Document
from quotes.pipeline import Analyzer

PASSAGES = {
    "en": [
        'Jane Example said in a tweet: "We will ship the update on Monday, not Friday." '
        "The company's shares rose. It's the '90s all over again, rock ’n’ roll.",
        "“I don’t think the ‘crisis’ is over,” the fictional minister told reporters.",
        '"This quote is never closed. Fictional Person said that on Tuesday.',
    ],
    "de": [
        "„Wir werden das Projekt nicht aufgeben“, sagte Max Beispiel in einem Tweet. "
        "Die Firma sei „verpflichtet“, hieß es.",
        "Beispiel schrieb auf X: »Das ist eine Frage der Zeit.« Dann ging er.",
    ],
    "fr": [
        "« Nous n'abandonnerons pas ce projet », a déclaré Jean Exemple dans un tweet. "
        "L'entreprise est « engagée ».",
        "Selon Marie Fictive, \"les chiffres d'aujourd'hui sont faux\".",
    ],
    "id": [
        "“Kami tidak akan menyerah pada proyek ini,” kata Budi Contoh dalam cuitannya. "
        'Perusahaan itu "marah".',
    ],
    "es": ["«No vamos a abandonar este proyecto», dijo Ana Ejemplo en su cuenta de X."],
    "it": ["«Non abbandoneremo questo progetto», ha scritto Marco Esempio su X."],
    "nl": ["„We geven dit project niet op”, zei Jan Voorbeeld op X."],
    "pt": ['"Não vamos abandonar este projeto", escreveu Joana Exemplo no Twitter.'],
}


def corpus(min_chars: int, seed: int = 7) -> dict[str, list[str]]:
    rng = random.Random(seed)
    docs: dict[str, list[str]] = {code: [] for code in PASSAGES}
    total = 0
    while total < min_chars:
        for code, passages in PASSAGES.items():
            doc = "\n\n".join(rng.choice(passages) for _ in range(40))
            docs[code].append(doc)
            total += len(doc)
    return docs


def main(mb: float = 5.0) -> None:
    docs = corpus(int(mb * 1_000_000))
    total_chars = sum(len(d) for ds in docs.values() for d in ds)
    total_docs = sum(len(ds) for ds in docs.values())
    print(f"corpus: {total_docs} documents, {total_chars / 1e6:.1f} M characters")

    start = time.perf_counter()
    n_quotes = sum(len(extract_quotes(d, code).quotes) for code, ds in docs.items() for d in ds)
    extract_s = time.perf_counter() - start
    print(
        f"extract:            {total_chars / extract_s:12,.0f} chars/s "
        f"({extract_s:.2f} s, {n_quotes} quotes)"
    )

    pipeline = Analyzer()
    for code in docs:  # load the spaCy pipelines before timing
        pipeline.nlp_for(code)
    sample = {code: ds[: max(1, len(ds) // 10)] for code, ds in docs.items()}
    sample_chars = sum(len(d) for ds in sample.values() for d in ds)
    start = time.perf_counter()
    for code, ds in sample.items():
        for d in ds:
            pipeline.analyze(Document("bench", d, code))
    full_s = time.perf_counter() - start
    print(
        f"extract + attribute: {sample_chars / full_s:12,.0f} chars/s "
        f"({full_s:.2f} s on a {sample_chars / 1e6:.1f} M character sample)"
    )
    ratio = (total_chars / extract_s) / (sample_chars / full_s)
    print(f"ratio extract / extract+attribute: {ratio:.1f}x")


if __name__ == "__main__":
    mb = float(sys.argv[sys.argv.index("--mb") + 1]) if "--mb" in sys.argv else 5.0
    main(mb)
