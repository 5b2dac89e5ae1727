"""Form fields that store plain text only, whatever markup was typed or pasted."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..content import clean_text


class PlainTextField(forms.CharField):
    def __init__(self, *args: Any, textarea: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        if textarea:
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 6}))
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> str:
        return clean_text(super().to_python(value))


class LinesField(PlainTextField):
    """One item per line in a textarea; stored as a list of strings."""

    def __init__(self, *args: Any, max_items: int = 30, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 5}))
        self.max_items = max_items
        super().__init__(*args, **kwargs)

    def clean(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().clean(value)
        items = [line.strip(" -•*\t") for line in text.splitlines()]
        items = [item for item in items if item]
        if len(items) > self.max_items:
            raise forms.ValidationError(
                _("Geef hoogstens %(max)s regels."), params={"max": self.max_items}
            )
        return items

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(str(item) for item in value)
        return value
