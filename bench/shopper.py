"""One anonymous purchase over HTTP, as a browser and Stripe.js would make it.

Product page → add to basket → checkout form (click & collect, first slot) → payment page
(the PaymentIntent is created) → a card token from localstripe → the site confirms the
payment → the browser's return places the orders. Used by the Locust buyers and by the
contention phase of bench/load_bench.py (plain ``requests`` sessions there).

The production settings mark cookies Secure while the bench speaks plain HTTP to
127.0.0.1: each cookie received is unmarked so that it is sent back, as it would be through
the TLS-terminating proxy in front of the app. (requests rebuilds a jar with the default
policy for every request, so a cookie policy on the session would not be consulted.)
"""

from __future__ import annotations

import re
import time

import requests

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MODE = re.compile(r'name="mode_(\d+)"')
VISA = "4242424242424242"

# Outcomes of one purchase.
ORDERED = "commande passée"
REFUNDED = "remboursé"
REFUSED = "refusé avant paiement"
SOLD_OUT = "épuisé"
NOT_PAID = "paiement non abouti"
ERROR = "erreur"


def slot_key(html: str, merchant_pk: str) -> str | None:
    select = re.search(rf'name="slot_{merchant_pk}"[^>]*>(.*?)</select>', html, re.S)
    if select is None:
        return None
    values = [v for v in re.findall(r'<option value="([^"]*)"', select.group(1)) if v]
    return values[0] if values else None


class Shopper:
    """A browser on one app process; ``session`` is requests' or Locust's HttpSession."""

    def __init__(
        self, session: requests.Session, *, hosts: list[str], first: int, localstripe: str
    ):
        self.session, self.hosts, self.localstripe = session, hosts, localstripe
        self.current = first % len(hosts)
        self.locust = hasattr(session, "request_event")

    @property
    def base(self) -> str:
        return self.hosts[self.current]

    def call(self, method: str, path: str, name: str, **kwargs) -> requests.Response:
        """One request; a refused connection moves this browser to the other app process
        (what the load balancer does once its probe fails) and tries once more there."""
        extra = kwargs.pop("headers", {})
        if self.locust:
            kwargs["name"] = name
        for _attempt in range(2):
            headers = {"Origin": self.base, **extra}
            try:
                response = self.session.request(
                    method, self.base + path, headers=headers, timeout=120, **kwargs
                )
            except requests.ConnectionError:
                response = None
            if response is not None and response.status_code != 0:
                for cookie in self.session.cookies:
                    cookie.secure = False
                return response
            self.current = (self.current + 1) % len(self.hosts)
        if response is None:
            raise requests.ConnectionError(f"{method} {path}: no app process answers")
        return response

    def card_token(self) -> str:
        answer = requests.post(
            f"{self.localstripe}/v1/tokens",
            data={
                "card[number]": VISA,
                "card[exp_month]": "12",
                "card[exp_year]": "2030",
                "card[cvc]": "123",
            },
            auth=("sk_test_localstripe", ""),
            timeout=30,
        )
        answer.raise_for_status()
        return answer.json()["id"]

    def buy(self, *, product_path: str, product_pk: int) -> str:
        page = self.call("GET", product_path, "achat: fiche article")
        token = CSRF.search(page.text or "")
        if page.status_code != 200 or token is None:
            return SOLD_OUT if page.status_code == 200 else ERROR
        self.call(
            "POST",
            f"/boutique/basket/add/{product_pk}/",
            "achat: ajout au panier",
            data={"csrfmiddlewaretoken": token.group(1), "quantity": "1"},
        )
        form = self.call("GET", "/commande/?commune=61001", "achat: formulaire")
        mode, csrf = MODE.search(form.text or ""), CSRF.search(form.text or "")
        if form.status_code != 200 or mode is None or csrf is None:
            return REFUSED if form.status_code == 200 else ERROR
        merchant = mode.group(1)
        slot = slot_key(form.text, merchant)
        prepared = self.call(
            "POST",
            "/commande/",
            "achat: envoi du formulaire",
            data={
                "csrfmiddlewaretoken": csrf.group(1),
                "email": "bench@example.org",
                "phone": "02 33 12 34 56",
                "accept_terms": "on",  # the CGV box, required
                f"mode_{merchant}": "click_collect",
                f"slot_{merchant}": slot or "",
            },
            allow_redirects=False,
        )
        if prepared.status_code != 302:
            return REFUSED if prepared.status_code == 200 else ERROR
        payment = self.call("GET", "/commande/paiement/", "achat: page de paiement")
        if payment.status_code != 200 or "/commande/paiement/" not in payment.url:
            return REFUSED if payment.status_code == 200 else ERROR
        answer = self.call(
            "POST",
            "/commande/paiement/carte/",
            "achat: paiement",
            json={"token": self.card_token()},
            headers={"X-CSRFToken": csrf.group(1)},
        )
        if answer.status_code != 200 or answer.json().get("status") != "succeeded":
            return NOT_PAID if answer.status_code < 500 else ERROR
        return self.come_back()

    def come_back(self, *, attempts: int = 5) -> str:
        """The return after payment; retried as a browser would on a connection error."""
        for _ in range(attempts):
            back = self.call(
                "GET", "/commande/paiement/retour/", "achat: retour", allow_redirects=False
            )
            location = back.headers.get("Location", "")
            if "/commande/confirmation/" in location:
                # Refunded in full when the stock went to others meanwhile: the page says so
                # and lists no order.
                page = self.call("GET", location, "achat: confirmation")
                return ORDERED if "data-order" in page.text else REFUNDED
            if "/boutique/basket/" in location:
                return REFUNDED
            if back.status_code == 302:
                return NOT_PAID
            time.sleep(1)
        return ERROR
