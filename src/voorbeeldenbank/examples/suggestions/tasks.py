"""Training in the background: after a publish, and on a fresh install's first suggestion."""

import logging

from django.conf import settings
from django.core.cache import cache
from django_tasks import task

from voorbeeldenbank.core.tasks import MODEL_QUEUE, enqueue_on_commit, enqueue_once_on_commit

from . import store, training
from .suggest import cached_suggestion

logger = logging.getLogger(__name__)
# About ten times what training takes: one request per bootstrap, not one per visitor.
BOOTSTRAP_SECONDS = 600


def train_and_store() -> str:
    model, count, seconds = training.train()
    store.save(model, trained_on=count, seconds=seconds)
    logger.info("element model %s trained in %.1f s", model.version, seconds)
    return model.version


@task(queue_name=MODEL_QUEUE)
def train_element_model_task() -> str:
    return train_and_store()


@task()
def suggest_text_task(text: str) -> None:
    """Fill the shared cache for a text (the review queue shows only what is there)."""
    cached_suggestion(text)


def retrain_soon() -> None:
    """After a publish: one training that is still waiting covers it (it reads the bank when
    it starts), so publishing thirteen examples queues one training, not thirteen."""
    if settings.ELEMENT_MODEL_TRAIN_IN_BACKGROUND:
        enqueue_once_on_commit(train_element_model_task)


def bootstrap_soon() -> None:
    """No model yet: have a worker train one, asked at most once per BOOTSTRAP_SECONDS."""
    if settings.ELEMENT_MODEL_TRAIN_IN_BACKGROUND and cache.add(
        "element-model:bootstrap", 1, BOOTSTRAP_SECONDS
    ):
        enqueue_on_commit(train_element_model_task)
