"""How the index grows: synthetic chunks (for timing only) written straight into Chroma and the keyword index at
1k, 10k, 100k chunks, with store rate, hybrid retrieval latency (real query embeddings), keyword-index update
cost and memory at each size. Chunk embeddings are random unit vectors: embedding cost is linear in the corpus
and measured by the main benchmark; here the question is what the stores do as they grow."""

import itertools
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core import VectorStoreIndex
from llama_index.vector_stores.chroma import ChromaVectorStore

from evals.bench_probes import PeakMemory
from service.components.embedder import build_embedder
from service.components.keyword_index import KeywordIndex
from service.components.vector_store import open_collection
from service.engine.retrieval import HybridRetriever
from service.settings import Settings

WORDS = [
    "council",
    "mayor",
    "minister",
    "election",
    "budget",
    "river",
    "bridge",
    "harbour",
    "strike",
    "union",
    "court",
    "ruling",
    "police",
    "protest",
    "hospital",
    "school",
    "farmers",
    "drought",
    "flood",
    "storm",
    "border",
    "trade",
    "tariff",
    "factory",
    "port",
    "railway",
    "airport",
    "energy",
    "grid",
    "wind",
    "solar",
    "oil",
    "gas",
    "prices",
    "inflation",
    "bank",
    "loan",
    "market",
    "shares",
    "company",
    "merger",
    "report",
    "audit",
    "inquiry",
    "scandal",
    "treaty",
    "summit",
    "talks",
    "ceasefire",
    "army",
    "troops",
    "rebels",
    "refugees",
    "aid",
    "vaccine",
    "virus",
    "outbreak",
    "festival",
    "museum",
    "stadium",
    "league",
    "coach",
    "player",
    "season",
    "record",
    "census",
    "housing",
    "rent",
    "tax",
    "reform",
    "pension",
    "wages",
    "jobs",
    "exports",
]
NAMES = [
    "Varga",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Alvarez",
    "Kowalski",
    "Haddad",
    "Brennan",
    "Novak",
    "Castillo",
    "Petrov",
]
PLACES = [
    "Dunmore",
    "Kestrel",
    "Valdoro",
    "Ostrava",
    "Bellhaven",
    "Marisol",
    "Tarnwick",
    "Eskerby",
    "Lowmoor",
    "Quenby",
]
QUESTIONS = [
    "What did the mayor say about the bridge?",
    "Why did the farmers protest over the drought?",
    "How much did the budget for the hospital grow?",
    "Who won the election in Dunmore?",
    "What did the court rule on the strike at the port?",
    "When will the new railway to Kestrel open?",
    "What caused the flood in Valdoro?",
    "How many jobs will the factory add?",
    "What did Minister Okafor say about tariffs?",
    "Which company announced the merger?",
]
DIMENSIONS = 384


def synthetic_vocabulary(size: int = 20_000, seed: int = 3) -> list[str]:
    """Made-up words, as many as a newsroom's vocabulary, to be drawn with Zipf's law like real text."""
    rng = random.Random(seed)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words = sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(size * 2)})[:size]
    rng.shuffle(words)  # the rank, and so the frequency, of each word
    return words


def synthetic_chunks(first: int, count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Three sentences a chunk: a name, a place and topical words among Zipf-distributed made-up words."""
    rng = random.Random(seed * 1_000_003 + first)
    chunks = []
    for number in range(first, first + count):
        sentences = []
        for _ in range(3):
            words = rng.sample(WORDS, 3) + rng.choices(_VOCABULARY, cum_weights=_ZIPF_CUMULATIVE, k=12)
            rng.shuffle(words)
            sentences.append(f"{rng.choice(NAMES)} said in {rng.choice(PLACES)} that {' '.join(words)}.")
        text = " ".join(sentences)
        article = f"synthetic-{number // 8:06d}.txt"
        chunks.append(
            {
                "id": f"synthetic-{number:07d}",
                "text": text,
                "metadata": {
                    "source": article,
                    "path": f"/synthetic/{article}",
                    "start": 0,
                    "end": len(text),
                    "title": f"{rng.choice(NAMES)} in {rng.choice(PLACES)}",
                    "publisher": "Synthetic Times",
                    "published": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "fingerprint": "synthetic",
                    "sentences": "[]",
                    "file_chunks": 8,
                },
            }
        )
    return chunks


_VOCABULARY = synthetic_vocabulary()
_ZIPF_CUMULATIVE = list(itertools.accumulate(1 / rank for rank in range(1, len(_VOCABULARY) + 1)))


def run_scale(settings: Settings, sizes: list[int], step: Callable[[str], None]) -> dict[str, Any]:
    collection = open_collection(settings, create=True)
    keywords = KeywordIndex(settings.keyword_path)
    embedder = build_embedder(settings)
    vectors = VectorStoreIndex.from_vector_store(ChromaVectorStore(chroma_collection=collection), embed_model=embedder)
    retriever = HybridRetriever(vectors, keywords, settings.retrieve_k)
    rng = np.random.default_rng(11)
    rows = []
    held = 0
    for size in sorted(sizes):
        with PeakMemory() as memory:
            step(f"scale: writing chunks {held:,}..{size:,}")
            started = time.perf_counter()
            for first in range(held, size, 2000):
                batch = synthetic_chunks(first, min(2000, size - first))
                embeddings = rng.normal(size=(len(batch), DIMENSIONS)).astype(np.float32)
                embeddings /= np.linalg.norm(embeddings, axis=1, keepdims=True)
                collection.add(
                    ids=[c["id"] for c in batch],
                    documents=[c["text"] for c in batch],
                    metadatas=[c["metadata"] for c in batch],
                    embeddings=embeddings,
                )
            store_s = time.perf_counter() - started
            step(f"scale: keyword index at {size:,}")
            started = time.perf_counter()
            keywords.sync_with(collection)
            keyword_s = time.perf_counter() - started
            step(f"scale: retrieval at {size:,}")
            latencies, dense, keyword = [], [], []
            for question in QUESTIONS * 2:
                started = time.perf_counter()
                retriever.retrieve_within(question, None)
                latencies.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                retriever.retrieve_dense(question)
                dense.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                keywords.search(question, settings.retrieve_k)
                keyword.append((time.perf_counter() - started) * 1000)
        added = size - held
        rows.append(
            {
                "chunks": size,
                "store_chunks_per_s": round(added / store_s),
                "keyword_update_s": round(keyword_s, 2),
                "keyword_update_chunks": added,
                "retrieve_ms_p50": round(statistics.median(latencies[1:]), 1),
                "retrieve_ms_p95": round(sorted(latencies[1:])[round(0.95 * (len(latencies) - 2))], 1),
                "dense_ms_p50": round(statistics.median(dense[1:]), 1),
                "keyword_ms_p50": round(statistics.median(keyword[1:]), 1),
                "peak_mib": round(memory.peak_mib),
                "disk_mib": round(_disk_mib(settings.data_dir)),
            }
        )
        held = size
    step("scale: adding 100 chunks to the largest index")
    more = synthetic_chunks(held, 100)
    collection.add(
        ids=[c["id"] for c in more],
        documents=[c["text"] for c in more],
        metadatas=[c["metadata"] for c in more],
        embeddings=rng.normal(size=(100, DIMENSIONS)).astype(np.float32),
    )
    started = time.perf_counter()
    keywords.sync_with(collection)
    return {"sizes": rows, "keyword_update_100_at_largest_s": round(time.perf_counter() - started, 2)}


def _disk_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def scale_markdown(result: dict[str, Any]) -> str:
    lines = [
        "| chunks | store chunks/s | keyword update s (chunks) | hybrid retrieval ms p50 / p95 | of which dense / "
        "keyword p50 | peak MiB | disk MiB |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in result["sizes"]:
        lines.append(
            f"| {row['chunks']:,} | {row['store_chunks_per_s']:,} | {row['keyword_update_s']} "
            f"({row['keyword_update_chunks']:,}) | {row['retrieve_ms_p50']} / {row['retrieve_ms_p95']} | "
            f"{row['dense_ms_p50']} / {row['keyword_ms_p50']} | "
            f"{row['peak_mib']} | {row['disk_mib']} |"
        )
    lines.append(
        f"\nAdding 100 chunks to the largest index: keyword update {result['keyword_update_100_at_largest_s']} s."
    )
    return "\n".join(lines) + "\n"


def write_scale(result: dict[str, Any], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out_dir / "scale.json", out_dir / "scale.md"
    json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    md_path.write_text(scale_markdown(result), encoding="utf-8")
    return [json_path, md_path]
