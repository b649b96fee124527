"""The signed, expiring link that opens a shopper's data without an account."""

from __future__ import annotations

from django.core import signing

from orne_site.privacy.conf import LINK_MAX_AGE

SALT = "orne_site.privacy.request-link"


def email_normalise(email: str) -> str:
    return email.strip().lower()


def privacy_token_make(*, email: str) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object({"email": email_normalise(email)})


def privacy_token_read(*, token: str) -> str | None:
    """The e-mail address a token was made for, or None if it is forged or expired."""
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(
            token, max_age=LINK_MAX_AGE.total_seconds()
        )
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    email = data.get("email") if isinstance(data, dict) else None
    return email if isinstance(email, str) and email else None
