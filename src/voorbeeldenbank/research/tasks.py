"""Background tasks of the research app, run by `manage.py db_worker`."""

from django_tasks import task

from voorbeeldenbank.core.tasks import MODEL_QUEUE

from . import anonymisation


@task(queue_name=MODEL_QUEUE)
def anonymise_version(version_id: int) -> str:
    """Propose the de-identification of one verslag version (deduce loads only here)."""
    return anonymisation.run(version_id)
