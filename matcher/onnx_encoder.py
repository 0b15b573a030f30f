"""The light encoder: the same model run by ONNX Runtime, so a query never waits for torch.

Importing sentence-transformers (with transformers and torch) takes 5–9 s on a 2-core machine;
``onnxruntime`` and ``tokenizers`` import in a tenth of that, and encode faster too. The ONNX
graph is exported once from the installed sentence-transformers model (the only time torch is
imported), cached on disk under the sha256 of the model's weights, and run with the model's own
``tokenizer.json``, mean pooling and normalisation. :class:`~matcher.embedding.SentenceEncoder`
stays the reference: the tests hold the two to a cosine of 0.999.
"""

from __future__ import annotations

import importlib.util
import json
import os
import tempfile
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

import numpy as np

from matcher.cache import default_cache_dir
from matcher.embedding import Encoder, SentenceEncoder, pool_tokens
from matcher.errors import ModelError

_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


class OnnxEncoder:
    """A sentence-transformers model folder (mean pooling) run with ONNX Runtime; loaded lazily, once."""

    def __init__(self, path: str | Path | None = None, batch_size: int = 16, cache_dir: Path | None = None) -> None:
        self.reference = SentenceEncoder(path)  # the folder, its verified hash and, for the export only, torch
        self.batch_size = batch_size
        self.cache_dir = cache_dir

    @property
    def model_id(self) -> str:
        """The reference model's id: both encoders give the same vectors, so cached embeddings are shared."""
        return self.reference.model_id

    @cached_property
    def onnx_path(self) -> Path:
        """The exported graph, made on first use (needs torch once) and kept under the weights' hash."""
        folder = (self.cache_dir or default_cache_dir()) / "onnx"
        path = folder / f"{self.reference.weights_sha256[:32]}.onnx"
        if not path.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            export_onnx(self.reference, path)
        return path

    @cached_property
    def session(self):
        """The ONNX Runtime session (CPU)."""
        import onnxruntime

        try:
            return onnxruntime.InferenceSession(str(self.onnx_path), providers=["CPUExecutionProvider"])
        except Exception as error:  # a truncated or foreign file: say which, never a traceback
            raise ModelError(
                f"{self.onnx_path}: cannot load the ONNX model ({error}); delete it to re-export"
            ) from None

    @cached_property
    def tokenizer(self):
        """The model's own fast tokenizer, truncating as the model does and padding each batch."""
        from tokenizers import Tokenizer

        folder = self.reference.folder
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        settings = _json(folder / "sentence_bert_config.json")
        tokenizer.enable_truncation(int(settings.get("max_seq_length", 256)))
        pad = _json(folder / "special_tokens_map.json").get("pad_token", "[PAD]")
        pad = pad["content"] if isinstance(pad, dict) else pad
        tokenizer.enable_padding(pad_id=tokenizer.token_to_id(pad) or 0, pad_token=pad)
        return tokenizer

    @property
    def dimension(self) -> int:
        return int(_json(self.reference.folder / "1_Pooling" / "config.json")["word_embedding_dimension"])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode_spans(texts, [None] * len(texts))[0]

    def encode_spans(
        self, texts: Sequence[str], spans: Sequence[tuple[int, int] | None]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Vectors of ``texts`` and of a character span of each (see :func:`matcher.embedding.pool_tokens`)."""
        tokens: list[np.ndarray] = [np.zeros((0, self.dimension), dtype=np.float32)] * len(texts)
        offsets: list[list[tuple[int, int]]] = [[] for _ in texts]
        order = sorted(range(len(texts)), key=lambda row: len(texts[row]))  # similar lengths pad little
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            encodings = self.tokenizer.encode_batch([texts[row] for row in rows])
            feed = {name: np.array([getattr(e, _FIELDS[name]) for e in encodings], dtype=np.int64) for name in _INPUTS}
            hidden = self.session.run(None, feed)[0]
            for row, encoding, vectors in zip(rows, encodings, hidden, strict=True):
                length = sum(encoding.attention_mask)
                tokens[row] = vectors[:length]
                offsets[row] = encoding.offsets[:length]
        return pool_tokens(tokens, offsets, spans, self.dimension)


_FIELDS = {"input_ids": "ids", "attention_mask": "attention_mask", "token_type_ids": "type_ids"}


def onnx_supported(folder: Path) -> bool:
    """Whether ONNX Runtime is installed and a model folder can run on it (a fast tokenizer, mean pooling)."""
    if importlib.util.find_spec("onnxruntime") is None or importlib.util.find_spec("tokenizers") is None:
        return False
    pooling = _json(folder / "1_Pooling" / "config.json")
    others = ("pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens")
    mean_only = pooling.get("pooling_mode_mean_tokens") and not any(pooling.get(name) for name in others)
    return bool(mean_only) and (folder / "tokenizer.json").is_file()


def choose_encoder(path: str | Path | None = None, cache_dir: Path | None = None) -> Encoder:
    """The encoder every interface uses: the ONNX one when the model folder allows it, else sentence-transformers."""
    reference = SentenceEncoder(path)
    if onnx_supported(reference.folder):
        return OnnxEncoder(path, cache_dir=cache_dir)
    return reference


def export_onnx(reference: SentenceEncoder, target: Path) -> None:
    """Export the reference model's transformer (token vectors out) to ONNX, written atomically to ``target``."""
    import torch

    transformer = reference.model[0].auto_model.eval()

    class TokenVectors(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001 - traced tensors
            output = self.transformer(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return output.last_hidden_state

    example = torch.ones((2, 8), dtype=torch.long)
    axes = {name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "token_vectors")}
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".onnx.tmp")
    os.close(handle)
    try:
        with torch.no_grad():
            torch.onnx.export(
                TokenVectors(),
                (example, example, torch.zeros_like(example)),
                temporary,
                input_names=list(_INPUTS),
                output_names=["token_vectors"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,
            )
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def _json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
