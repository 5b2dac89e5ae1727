"""Voorbeeldenbank Normaliseren."""

import os

# numpy's OpenBLAS keeps its own threads spinning after each matrix product; next to the
# embedding model's OpenMP threads they fight for the same cores and a query embedding took
# several times longer (docs/benchmarks.md). A request is served by one thread anyway, and the
# server runs one worker per core. Set before anything imports numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
