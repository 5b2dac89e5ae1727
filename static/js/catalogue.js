// Progressive enhancement for the catalogue; the page works fully without this file.
(function () {
  "use strict";

  var form = document.getElementById("catalogue-form");

  // With htmx the filters and the compare boxes apply as they change, so their apply buttons
  // are not needed. The search button stays: pressing Enter in a field still submits the form.
  // The class hides them (site.css), also in results that htmx brings in later.
  if (form && window.htmx) {
    document.documentElement.classList.add("filters-live");
  }

  // htmx updates the counts in place (out of band) rather than the whole form, so that focus
  // and an opened "meer tonen" stay where they are. An option whose count fell to 0 is
  // disabled like the server renders it; a chosen one stays enabled so it can be unticked,
  // and so does the one that has focus (disabling it would drop the keyboard user's place).
  function syncDisabled() {
    if (!form) {
      return;
    }
    form.querySelectorAll(".checkbox input[type=checkbox]").forEach(function (input) {
      var count = document.getElementById("count-" + input.name + "-" + input.value);
      if (!count || input === document.activeElement) {
        return;
      }
      input.disabled = count.getAttribute("data-count") === "0" && !input.checked;
    });
  }

  document.addEventListener("htmx:afterSettle", syncDisabled);

  // A compare checkbox in the results belongs to the filters form (form="catalogue-form") but
  // sits outside it, so its change does not bubble to the form's htmx trigger: submit for it.
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (form && window.htmx && target.matches && target.matches(".card__compare input")) {
      htmx.trigger(form, "submit");
    }
  });

  // After paging through results with htmx the clicked link is gone: move focus to the
  // results heading so keyboard and screen-reader users continue at the new results.
  document.addEventListener("htmx:afterSwap", function (event) {
    var config = event.detail.requestConfig;
    var trigger = config && config.elt;
    if (trigger && trigger.closest && trigger.closest(".pagination")) {
      var heading = document.getElementById("results-heading");
      if (heading) {
        heading.focus();
      }
    }
  });
})();
