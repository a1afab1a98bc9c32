// Card payment on the review page. The server computes the amount; this only turns the
// card into a payment method id, handles 3-D Secure and shows the server's answer.
// Real Stripe.js gives a PaymentMethod (pm_…); localstripe's test Stripe.js only makes
// tokens, whose card (card_…) Stripe accepts as a payment method too.
(function () {
  "use strict";
  var form = document.getElementById("card_payment_form");
  if (!form || typeof Stripe === "undefined") return;

  var stripe = Stripe(form.dataset.publishableKey);
  var card = stripe.elements().create("card", { hidePostalCode: true });
  card.mount("#card-element");
  var errors = document.getElementById("card-errors");
  var button = document.getElementById("place-order");
  var label = button.textContent;
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;

  function busy(on) {
    button.disabled = on;
    button.textContent = on ? form.dataset.busy : label;
  }

  function post(payload) {
    return fetch(form.dataset.endpoint, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(payload),
    }).then(function (response) {
      return response.json().catch(function () { return { error: form.dataset.network }; });
    });
  }

  function paymentMethodId() {
    var created = stripe.createPaymentMethod({ type: "card", card: card });
    return Promise.resolve(created).then(function (result) {
      if (result && result.paymentMethod) return result.paymentMethod.id;
      if (result && result.error) throw result.error;
      return stripe.createToken(card).then(function (tokenResult) {
        if (tokenResult.error) throw tokenResult.error;
        return tokenResult.token.card.id;
      });
    });
  }

  function handle(answer) {
    if (answer.redirect) {
      window.location.assign(answer.redirect);
      return null;
    }
    if (answer.client_secret) {
      return stripe.confirmCardPayment(answer.client_secret).then(function (result) {
        // A failed or abandoned 3-D Secure is not a declined card: say which it was.
        if (result.error) {
          var failedAuth = result.error.code === "payment_intent_authentication_failure";
          throw { message: failedAuth ? form.dataset.authentication : form.dataset.declined, fromServer: true };
        }
        return post({ payment_intent: result.paymentIntent.id }).then(handle);
      });
    }
    throw { message: answer.error || form.dataset.declined, fromServer: true };
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    errors.textContent = "";
    busy(true);
    paymentMethodId()
      .then(function (id) { return post({ payment_method: id }); })
      .then(handle)
      .catch(function (error) {
        // Stripe.js speaks English; the server's messages are already in the shop's language.
        errors.textContent = error && error.fromServer ? error.message : form.dataset.declined;
        busy(false);
      });
  });
})();
