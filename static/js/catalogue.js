// Progressive enhancement for the catalogue; the page works fully without this file.
(function () {
  "use strict";

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
