"""Voorbeeldenbank Normaliseren."""

import os

# numpy's OpenBLAS keeps its own threads spinning after each matrix product; next to the
# embedding model's OpenMP threads they fight for the same cores and a query embedding took
# several times longer (docs/benchmarks.md). A request is served by one thread anyway, and the
# server runs one worker per core. Set before anything imports numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
# The same holds, much worse, for the embedding model's own OpenMP threads: they spin while they
# wait for each other, so with more busy processes than cores (gunicorn's workers, the task
# worker) a query embedding of 16 ms took one to three seconds. One thread per process is a
# little slower alone (about 23 ms) and stays so under load. An operator may set it otherwise.
os.environ.setdefault("OMP_NUM_THREADS", "1")
