// Forms marked data-submit-on-change (the shops index's and the search page's filters) apply
// a choice as soon as it is made; without JavaScript their submit button does the same.
// Words typed in a text box wait for Enter or the button: a "change" fired when the box
// loses focus would send a half-thought search.
(function () {
  "use strict";
  document.querySelectorAll("form[data-submit-on-change]").forEach(function (form) {
    form.addEventListener("change", function (event) {
      if (event.target.matches('input[type="search"], input[type="text"]')) return;
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
  });
})();
