"""The interviewee's page behind the signed link: read the verslag, approve it or comment.

Only the signed link is authority here; a logged-in session changes nothing. The page shows the
one version its round was sent for, nothing else of the project.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from voorbeeldenbank.core.ratelimit import Rate, hit, per_ip, per_secret, too_many_requests

from ..forms import MemberCheckForm
from ..links import LINK_STATUS, LinkError, round_for_signed
from ..membercheck import TextChangedError, respond, text_digest
from ..models import MemberCheckRound

SCOPE = "research:member_check"


def private(response: HttpResponse) -> HttpResponse:
    # Not cached, not indexed, and the link not passed on in a Referer header to other sites
    # ("no-referrer" would make browsers send "Origin: null" and fail CSRF).
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def link_error(request: HttpRequest, error: LinkError) -> HttpResponse:
    response = render(
        request,
        "research/member_check_link_error.html",
        {"reason": error.reason},
        status=LINK_STATUS.get(error.reason, 404),
    )
    return private(response)


def rate_limited(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Limit answers per link, with a higher ceiling per address; reading costs nothing."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, signed: str, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST":
            decision = hit(
                [
                    per_secret(
                        SCOPE, "link", signed, Rate.setting("RESEARCH_MEMBER_CHECK_RATE_LIMIT")
                    ),
                    per_ip(SCOPE, request, Rate.setting("RESEARCH_MEMBER_CHECK_RATE_LIMIT_PER_IP")),
                ]
            )
            if not decision.allowed:
                return private(too_many_requests(request, decision))
        return view(request, signed, *args, **kwargs)

    return wrapped


def paragraphs(text: str) -> list[str]:
    """Blocks separated by an empty line; single line breaks stay inside a paragraph."""
    blocks = text.replace("\r\n", "\n").split("\n\n")
    return [block.strip() for block in blocks if block.strip()]


@rate_limited
def member_check_view(request: HttpRequest, signed: str) -> HttpResponse:
    try:
        check_round = round_for_signed(signed)
    except LinkError as error:
        return link_error(request, error)
    version = check_round.version
    if not version.original_text.strip():
        return link_error(request, LinkError("used"))
    form = MemberCheckForm(request.POST or None, initial={"digest": text_digest(version)})
    status = 200
    changed = False
    if request.method == "POST":
        if form.is_valid():
            try:
                respond(
                    check_round,
                    form.approves,
                    form.cleaned_data["comment"],
                    form.cleaned_data["digest"],
                )
            except LinkError as error:
                # A second click, or the team sent a newer round meanwhile.
                return link_error(request, error)
            except TextChangedError:
                changed = True
                status = 409
                version.refresh_from_db()
                form = MemberCheckForm(initial={"digest": text_digest(version)})
            else:
                context = {"approved": form.approves}
                return private(render(request, "research/member_check_done.html", context))
        else:
            status = 400
    return private(_page(request, check_round, form, changed, status))


def _page(
    request: HttpRequest,
    check_round: MemberCheckRound,
    form: MemberCheckForm,
    changed: bool,
    status: int,
) -> HttpResponse:
    context = {
        "check_round": check_round,
        "interview_date": check_round.verslag.interview.date,
        "paragraphs": paragraphs(check_round.version.original_text),
        "form": form,
        "changed": changed,
    }
    return render(request, "research/member_check.html", context, status=status)
