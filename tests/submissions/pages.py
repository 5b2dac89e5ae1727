"""Posting the Wagtail page editor the way a browser does: the page's own form, as POST data."""

from typing import Any

from voorbeeldenbank.examples.models import ExamplePage


def _field_values(form, data: dict[str, Any]) -> None:
    for name, field in form.fields.items():
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None or value is False:
            continue
        if isinstance(value, list | tuple):
            data[key] = [str(v) for v in value]
        elif value is True:
            data[key] = "on"
        else:
            data[key] = (
                str(field.prepare_value(value)) if hasattr(field, "prepare_value") else value
            )


def editor_post_data(page: ExamplePage, user, **changes: Any) -> dict[str, Any]:
    """Everything the edit form would send for the latest revision, plus `changes`."""
    latest = page.get_latest_revision_as_object()
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=latest, for_user=user, parent_page=page.get_parent())
    data: dict[str, Any] = {}
    _field_values(form, data)
    for formset in form.formsets.values():
        _field_values(formset.management_form, data)
        for child in formset.forms:
            _field_values(child, data)
    revision = page.latest_revision
    if revision is not None:
        data["loaded_revision_id"] = str(revision.pk)
        data["loaded_revision_created_at"] = revision.created_at.isoformat()
    data.update(changes)
    return data
