// Card payment for one checkout: the same code runs against Stripe and localstripe.
// 1. the card element gives a token; 2. the server attaches it and confirms the one
// PaymentIntent (amount fixed on the server); 3. if the bank asks for 3-D Secure,
// stripe.confirmCardPayment runs it; 4. the return page places the orders.
(function () {
  const form = document.getElementById("paiement");
  if (!form) return;
  const stripe = Stripe(form.dataset.stripeKey);
  const card = stripe.elements().create("card");
  card.mount("#carte");
  const error = document.getElementById("paiement-erreur");
  const state = document.getElementById("paiement-etat");
  const button = form.querySelector("button[type=submit]");
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  function fail(message) {
    error.textContent = message;
    state.textContent = "";
    button.disabled = false;
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    error.textContent = "";
    button.disabled = true;
    state.textContent = form.dataset.msgWait;
    const tokenResult = await stripe.createToken(card);
    if (!tokenResult || tokenResult.error || !tokenResult.token) {
      return fail(form.dataset.msgCard);
    }
    let body;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
        body: JSON.stringify({token: tokenResult.token.id}),
      });
      body = await response.json();
    } catch (e) {
      return fail(form.dataset.msgFailed);
    }
    if (body.status === "requires_action") {
      const result = await stripe.confirmCardPayment(body.client_secret);
      if (result.error) return fail(form.dataset.msgAuth);
      window.location.assign(form.dataset.returnUrl);
    } else if (body.status === "succeeded") {
      window.location.assign(form.dataset.returnUrl);
    } else {
      fail(body.message || form.dataset.msgFailed);
    }
  });
})();
