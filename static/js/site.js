// The site menu folds behind a "Menu" button on small screens. Without this file the menu is
// simply always open; the button stays hidden.
(function () {
  "use strict";

  var nav = document.querySelector(".site-nav");
  var button = nav && nav.querySelector(".menu-toggle");
  if (!button) {
    return;
  }
  var small = window.matchMedia("(max-width: 48rem)");

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("site-nav--closed", !open);
  }

  function follow() {
    button.hidden = !small.matches;
    setOpen(!small.matches);
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && small.matches && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
  small.addEventListener("change", follow);
  follow();
})();
