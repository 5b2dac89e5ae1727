from django.utils.translation import gettext_lazy as _

from .start import (
    DecisionForm,
    LostLinkForm,
    NoteForm,
    StartForm,
    TransitionForm,
    UploadForm,
)
from .steps import (
    ContactForm,
    DeepeningForm,
    ElementsForm,
    ExperienceForm,
    FactsForm,
    StepForm,
    SummaryForm,
)

# The wizard, in the order of the report's format; the review step ("controleren") follows.
STEPS: list[tuple[str, object, type[StepForm]]] = [
    ("feiten", _("Feiten"), FactsForm),
    ("notendop", _("In een notendop"), SummaryForm),
    ("verdieping", _("Verdieping"), DeepeningForm),
    ("elementen", _("Elementen"), ElementsForm),
    ("ervaringen", _("Wat werkt en wat kan beter"), ExperienceForm),
    ("contact", _("Links en contact"), ContactForm),
]
STEP_FORMS = {key: form for key, _label, form in STEPS}

__all__ = [
    "STEPS",
    "STEP_FORMS",
    "ContactForm",
    "DecisionForm",
    "LostLinkForm",
    "NoteForm",
    "StartForm",
    "StepForm",
    "TransitionForm",
    "UploadForm",
]
