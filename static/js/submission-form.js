// Progressive enhancement for the submission forms; every form works without this file.
(function () {
  "use strict";

  // After a failed submit the page comes back with an error summary at the top: move focus
  // there, so keyboard and screen-reader users hear what went wrong and can follow its links.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (field) {
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: "center" });
      }
    });
  }

  // Leaving a step with changes that were not saved asks first; submitting the form does not.
  var form = document.querySelector("form[data-unsaved-warning]");
  if (!form) {
    return;
  }
  var dirty = false;
  var markDirty = function () {
    dirty = true;
  };
  form.addEventListener("input", markDirty);
  form.addEventListener("change", markDirty);
  form.addEventListener("submit", function () {
    dirty = false;
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    }
  });
})();
