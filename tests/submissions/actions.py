"""What the review screen's buttons post, for tests that act as (or pretend to be) the redactie."""


def step_data(
    submission, to_state: str, note: str = "", version: int | None = None, confirmed: bool = True
) -> dict:
    """`confirmed` is the second click that rejecting and asking for more need."""
    return {
        "confirmed": "1" if confirmed else "",
        "to_state": to_state,
        f"{to_state}-to_state": to_state,
        f"{to_state}-version": submission.version if version is None else version,
        f"{to_state}-note": note,
    }


def post_step(
    client,
    submission,
    to_state: str,
    note: str = "",
    version: int | None = None,
    confirmed: bool = True,
):
    return client.post(
        f"/admin/inzendingen/{submission.pk}/status/",
        step_data(submission, to_state, note, version, confirmed),
    )
