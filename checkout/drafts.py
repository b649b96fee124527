"""What the shopper typed on the choices page, kept in the session until the orders are placed.

"Modifier mes choix" on the payment page, the browser's back button and a page with errors
all show the choices page again: it must come back as it was left (e-mail, names, phone,
address, shop by shop the mode and slot), not empty. The draft is the raw text of each
field of the form, whatever fields it has, except the ones that must be given again each
time (accepting the terms of sale is a fresh act, never a pre-ticked box).
"""

from __future__ import annotations

from django import forms

SESSION_DRAFT = "checkout_draft"
NEVER_KEPT = frozenset({"accept_terms"})


def checkout_draft_save(*, session, form: forms.Form) -> None:
    """Keep the posted values of the form's fields (valid or not: nothing typed is lost)."""
    draft = {
        name: value
        for name in form.fields
        if name not in NEVER_KEPT and (value := form.data.get(form.add_prefix(name), "")) != ""
    }
    session[SESSION_DRAFT] = draft


def checkout_draft(*, session) -> dict[str, str]:
    """The values to prefill the choices page with (empty before the first post)."""
    draft = session.get(SESSION_DRAFT)
    return dict(draft) if isinstance(draft, dict) else {}


def checkout_draft_clear(*, session) -> None:
    """The orders are placed: the next purchase starts from a blank page."""
    session.pop(SESSION_DRAFT, None)
