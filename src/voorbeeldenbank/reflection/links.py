"""Session codes and the leader's secret link."""

import secrets

from django.core import signing

from .constants import CODE_ALPHABET, CODE_LENGTH

LEADER_SALT = "reflection.leader"


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: str) -> str:
    """What a person types from a slide or a chat: lower case, spaces, dashes."""
    return code.strip().upper().replace(" ", "").replace("-", "")


def leader_token(code: str) -> str:
    # Only the signature: the code is in the address already.
    return signing.Signer(salt=LEADER_SALT).sign(code).rsplit(":", 1)[1]


def is_leader(code: str, token: str) -> bool:
    try:
        signing.Signer(salt=LEADER_SALT).unsign(f"{code}:{token}")
    except signing.BadSignature:
        return False
    return True
