// On a desktop the header's menu is a row of links: open its <details> there, close it
// again on a phone (where it is a drop-down the visitor opens).
(function () {
  "use strict";
  var menu = document.querySelector(".site-menu");
  if (!menu || !window.matchMedia) { return; }
  var wide = window.matchMedia("(min-width: 60rem)");
  function follow() { menu.open = wide.matches; }
  follow();
  wide.addEventListener("change", follow);
})();
