"""Admin forms shared by the page types."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class StaleSaveCheckPageForm(WagtailAdminPageForm):
    """Refuse a save based on an older revision than the page's latest one.

    Wagtail refuses such a save only for its autosave requests; a normal save would quietly put
    the second editor's text on top of the first one's. Here the second editor gets the form
    back with everything they typed and a message; the re-rendered form is based on the latest
    revision, so saving again is a deliberate choice.
    """

    def clean(self):  # type: ignore[no-untyped-def]
        cleaned_data = super().clean()
        loaded = self.data.get("loaded_revision_id")
        latest = self.instance.latest_revision if self.instance.pk else None
        if loaded and latest is not None:
            loaded_at = self.data.get("loaded_revision_created_at", "")
            if loaded != str(latest.pk) or loaded_at != latest.created_at.isoformat():
                who = (
                    latest.user.get_full_name() or latest.user.get_username() if latest.user else ""
                )
                raise ValidationError(
                    _(
                        "Iemand anders (%(who)s) heeft deze pagina opgeslagen nadat u hem opende. "
                        "Uw tekst is niet opgeslagen en staat hieronder nog. Vergelijk met de "
                        "nieuwste versie (Geschiedenis) en sla opnieuw op om die te vervangen."
                    )
                    % {"who": who or _("onbekend")},
                    code="stale_revision",
                )
        return cleaned_data
