"""Form fields that store plain text only, whatever markup was typed or pasted, and refuse what
a database would refuse (a NUL character, an address longer than its column) with a message."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from ..content import clean_text

# PostgreSQL cannot store a NUL character; it mostly arrives by copying and pasting.
NUL_MESSAGE = _(
    "Hier staat een teken dat niet kan worden opgeslagen (een nul-teken, vaak meegekomen met "
    "kopiëren en plakken). Haal het weg en probeer het opnieuw."
)
# The length of an e-mail address column (RFC 5321's practical limit, Django's default).
EMAIL_MAX_LENGTH = 254


class RefusesNulMixin:
    """Replace Django's terse "Null characters are not allowed." with a message that helps."""

    validators: list[Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.validators = [
            ProhibitNullCharactersValidator(message=NUL_MESSAGE)
            if isinstance(validator, ProhibitNullCharactersValidator)
            else validator
            for validator in self.validators
        ]


class PlainTextField(RefusesNulMixin, forms.CharField):
    def __init__(self, *args: Any, textarea: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        if textarea:
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 6}))
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> str:
        text = super().to_python(value) or ""
        if "\x00" in text:
            # Left in, so that the validator refuses it with a message instead of the text
            # silently changing.
            return text
        return clean_text(text)


class EmailAddressField(RefusesNulMixin, forms.EmailField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        super().__init__(*args, **kwargs)


class WebAddressField(RefusesNulMixin, forms.URLField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault("max_length", 500)
        super().__init__(*args, **kwargs)


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
