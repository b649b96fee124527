// The basket's quantity steppers without a "Mettre à jour" click: a typed quantity is sent
// as soon as the field changes. Without this file every control still posts its form.
(function () {
  "use strict";
  document.querySelectorAll("[data-stepper-form]").forEach(function (form) {
    var field = form.querySelector("input[name=quantity]");
    var cell = form.closest("td") || form.parentNode;
    var update = cell.querySelector("[data-stepper-update]");
    // Browsers that know `@media (scripting: enabled)` hid it before the first paint
    // (site.css), so nothing moves now; this is for the others.
    if (update) update.hidden = true;
    field.addEventListener("change", function () {
      // Above the stock too: the server lowers it and says so in French.
      if (field.value !== "") form.requestSubmit();
    });
  });
})();
