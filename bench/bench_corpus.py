"""Corpus loading speed: articles read, decoded and language-detected per second."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from geo.app_data import SAMPLE_CORPUS
from geo.corpus import load_corpus


def main() -> None:
    texts = [p.read_bytes() for p in sorted(SAMPLE_CORPUS.glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(1000):
            Path(tmp, f"a{i:04d}.txt").write_bytes(texts[i % len(texts)])
        t0 = time.perf_counter()
        corpus = load_corpus([tmp])
        dt = time.perf_counter() - t0
    print(f"corpus load: {len(corpus.articles)} articles in {dt:.2f} s = {len(corpus.articles) / dt:,.0f} articles/s")
