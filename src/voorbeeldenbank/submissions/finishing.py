"""What a finished workflow does (`WAGTAIL_FINISH_WORKFLOW_ACTION`).

Wagtail publishes an object when its workflow finishes. The contact person's approval is not
a publication: after it, the redactie publishes (and the publish guard in `wagtail_hooks.py`
checks the text is still the approved one). A workflow whose last step says
`publishes_on_finish = False` therefore only finishes. Wagtail reads this setting while its
models load, so this module imports nothing of the project.
"""

from __future__ import annotations

from typing import Any

from wagtail.workflows import publish_workflow_state


def finish_workflow(workflow_state: Any, user: Any = None) -> None:
    task_state = workflow_state.current_task_state
    task = task_state.task.specific if task_state is not None else None
    if getattr(task, "publishes_on_finish", True):
        publish_workflow_state(workflow_state, user=user)
