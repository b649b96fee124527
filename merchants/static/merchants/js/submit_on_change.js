// Forms marked data-submit-on-change (the shops index's filters) apply a choice as soon as
// it is made; without JavaScript their submit button does the same.
(function () {
  "use strict";
  document.querySelectorAll("form[data-submit-on-change]").forEach(function (form) {
    form.addEventListener("change", function () {
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
  });
})();
