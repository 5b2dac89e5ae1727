from django.utils.http import url_has_allowed_host_and_scheme

from voorbeeldenbank.core.models import Element

from ..constants import ELEMENT_THRESHOLD


def example_context(page, request) -> dict:
    """The example in the report's order, with every element marked present or absent."""
    present = {link.element_id: link for link in page.example_elements.select_related("element")}
    elements = [
        {"element": element, "link": present.get(element.pk)} for element in Element.objects.all()
    ]
    back = request.GET.get("terug", "")
    if not (back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts=None)):
        back = ""
    return {
        "elements": elements,
        "present_count": len(present),
        "element_threshold": ELEMENT_THRESHOLD,
        "public_contacts": [contact for contact in page.contacts.all() if contact.is_public],
        "back_url": back,
        "quotes_by_section": _quotes_by_section(page),
    }


def _quotes_by_section(page) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for quote in page.quotes.all():
        key = f"element:{quote.element_id}" if quote.element_id else quote.section
        grouped.setdefault(key, []).append(quote)
    return grouped
