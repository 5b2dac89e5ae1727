"""The deduce object is built once per process, also when threads ask for it at once."""

import threading
import time
from types import SimpleNamespace

from voorbeeldenbank.core.anonymise import anonymise, engine


class CountingDeduce:
    built = 0

    def __init__(self) -> None:
        time.sleep(0.05)
        type(self).built += 1

    def deidentify(self, text: str) -> SimpleNamespace:
        return SimpleNamespace(annotations=[])


def test_two_calls_build_one_deduce(monkeypatch):
    CountingDeduce.built = 0
    monkeypatch.setattr(engine, "Deduce", CountingDeduce)
    monkeypatch.setattr(engine, "_instance", None)

    anonymise("Eerste verslag.")
    anonymise("Tweede verslag.")

    assert CountingDeduce.built == 1


def test_threads_that_ask_at_once_share_one_deduce(monkeypatch):
    CountingDeduce.built = 0
    monkeypatch.setattr(engine, "Deduce", CountingDeduce)
    monkeypatch.setattr(engine, "_instance", None)
    seen = []

    threads = [threading.Thread(target=lambda: seen.append(engine.get_deduce())) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert CountingDeduce.built == 1
    assert len({id(instance) for instance in seen}) == 1


def test_the_install_step_has_built_the_lookup_cache():
    assert engine.is_cache_built()
