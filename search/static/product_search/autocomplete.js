// Suggestions for every search box (the header's on each page, the search page's own) from
// the 3rd letter, in a native <datalist> (announced by screen readers and usable with the
// keyboard without any custom widget).
(function () {
  "use strict";
  // Loaded by every page and again by older search templates: attach once.
  if (window.orneAutocomplete) { return; }
  window.orneAutocomplete = true;
  function attach(input) {
    if (!input.list) { return; }
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 3 || text === last) { return; }
      timer = setTimeout(function () {
        last = text;
        fetch(input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(text), {headers: {"Accept": "application/json"}})
          .then(function (response) { return response.ok ? response.json() : {results: []}; })
          .then(function (data) {
            var list = input.list;
            list.replaceChildren();
            data.results.forEach(function (suggestion) {
              var option = document.createElement("option");
              option.value = suggestion.label;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a convenience: stay silent */ });
      }, 150);
    });
  }
  document.querySelectorAll("input[data-autocomplete-url]").forEach(attach);
})();
