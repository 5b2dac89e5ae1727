"""Background tasks of the research app, run by `manage.py db_worker`."""

from django_tasks import task

from . import anonymisation


@task()
def anonymise_version(version_id: int) -> str:
    """Propose the de-identification of one verslag version (deduce loads only here)."""
    return anonymisation.run(version_id)
