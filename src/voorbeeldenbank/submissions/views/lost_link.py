""" "Link kwijt?": a submitter asks for a fresh private link, sent to the address on file.

The page answers the same whether or not the address is known, so it cannot be used to find
out who sent something in. Asking rotates the link: the old one stops working, and the new one
goes only to the address on file, so whoever asks learns nothing and gets no access.
"""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from voorbeeldenbank.core.ratelimit import Rate, hit, per_secret

from ..constants import State
from ..forms import LostLinkForm
from ..models import Submission
from ..notifications import send_private_link
from ..ratelimit import rate_limited
from ..tokens import rotate_token

# Submissions that are finished need no link any more.
CLOSED_STATES = (State.GEPUBLICEERD, State.AFGEWEZEN)
TEMPLATE = "submissions/lost_link.html"


def send_new_links(email: str) -> int:
    """Rotate and mail the link of every open submission started with `email`."""
    # Counted per address, not per person asking: nobody can flood someone's mailbox.
    address_limit = per_secret(
        "submissions:lost_link",
        "address",
        email.casefold(),
        Rate.setting("SUBMISSION_LOST_LINK_PER_ADDRESS"),
    )
    submissions = Submission.objects.filter(submitter_email__iexact=email).exclude(
        state__in=CLOSED_STATES
    )
    if not submissions.exists() or not hit([address_limit]).allowed:
        return 0
    sent = 0
    with transaction.atomic():
        for submission in submissions.select_for_update():
            send_private_link(submission, rotate_token(submission), renewed=True)
            sent += 1
    return sent


@rate_limited("lost_link")
def lost_link_view(request: HttpRequest) -> HttpResponse:
    form = LostLinkForm(request.POST or None)
    if request.method == "POST" and (form.is_bot() or form.is_valid()):
        if not form.is_bot():
            send_new_links(form.cleaned_data["email"])
        return render(request, TEMPLATE, {"form": LostLinkForm(), "sent": True})
    return render(request, TEMPLATE, {"form": form, "sent": False})
