"""Background tasks of the publication app, run by `manage.py db_worker`."""

from django_tasks import task

from .builder import run_build


@task()
def build_edition(build_id: int) -> str:
    """Build the edition for a build that `builder.start_build` queued; returns its status."""
    return run_build(build_id).status
