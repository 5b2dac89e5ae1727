"""The vision's eight elements by their stable keys, in the report's order.

Titles and explanations are editable (the Element snippet); the keys are not: the format of an
example, the submission form and the Word template refer to elements by these keys.
"""

ELEMENT_KEYS = (
    "twijfels_normaal",
    "steun_informeel",
    "toegang_laagdrempelig",
    "gelijkwaardigheid",
    "vraag_leidend",
    "brede_context",
    "positieve_zaken",
    "niet_problematiseren",
)
