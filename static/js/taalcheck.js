// Progressive enhancement for the language check: "Vervang" per finding, the rewritten text
// and copying it. Without this file the page shows the findings and their advice as before.
(function () {
  "use strict";

  function result() {
    return document.getElementById("taalcheck-result");
  }

  // The marks in the checked text, in the order of the numbered findings.
  function marks(container) {
    return container.querySelectorAll(".taalcheck-text mark.lexicon-mark");
  }

  function rewrittenText(container) {
    var copy = container.querySelector(".taalcheck-text").cloneNode(true);
    copy.querySelectorAll(".lexicon-ref").forEach(function (ref) {
      ref.remove();
    });
    return copy.textContent;
  }

  function say(container, key, values) {
    var status = container.querySelector(".taalcheck-rewrite__status");
    var message = status.getAttribute("data-" + key) || "";
    Object.keys(values || {}).forEach(function (name) {
      message = message.replace("%(" + name + ")s", values[name]);
    });
    status.textContent = message;
  }

  function refresh(container) {
    container.querySelector("#taalcheck-rewritten").textContent = rewrittenText(container);
  }

  function selectRewrite(field) {
    var range = document.createRange();
    range.selectNodeContents(field);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // "Zorgmijders" at the start of a sentence becomes "Ouder die ...", not "ouder die ...".
  function matchCase(original, replacement) {
    var first = original.charAt(0);
    if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
      return replacement.charAt(0).toUpperCase() + replacement.slice(1);
    }
    return replacement;
  }

  function replace(container, button) {
    var number = parseInt(button.getAttribute("data-finding"), 10);
    var mark = marks(container)[number - 1];
    if (!mark) {
      return;
    }
    if (!mark.hasAttribute("data-original")) {
      mark.setAttribute("data-original", mark.textContent);
    }
    var original = mark.getAttribute("data-original");
    var text = matchCase(original, button.getAttribute("data-text"));
    mark.textContent = text;
    mark.classList.add("lexicon-mark--vervangen");
    var group = button.closest(".lexicon-replace");
    group.querySelector(".lexicon-replace__undo").hidden = false;
    group.querySelectorAll(".lexicon-replace__button").forEach(function (other) {
      other.setAttribute("aria-pressed", other === button ? "true" : "false");
    });
    container.querySelector(".lexicon-legend__replaced").hidden = false;
    refresh(container);
    say(container, "replaced", { old: original, new: text });
  }

  function undo(container, button) {
    var number = parseInt(button.getAttribute("data-finding"), 10);
    var mark = marks(container)[number - 1];
    if (!mark || !mark.hasAttribute("data-original")) {
      return;
    }
    mark.textContent = mark.getAttribute("data-original");
    mark.classList.remove("lexicon-mark--vervangen");
    var group = button.closest(".lexicon-replace");
    group.querySelectorAll(".lexicon-replace__button").forEach(function (other) {
      other.setAttribute("aria-pressed", "false");
    });
    button.hidden = true;
    group.querySelector(".lexicon-replace__button").focus();
    refresh(container);
    say(container, "restored", { old: mark.textContent });
  }

  function copy(container) {
    var field = container.querySelector("#taalcheck-rewritten");
    var done = function () {
      say(container, "copied");
    };
    var failed = function () {
      selectRewrite(field);
      say(container, "copy-failed");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.textContent).then(done, failed);
      return;
    }
    selectRewrite(field);
    try {
      if (document.execCommand("copy")) {
        done();
        return;
      }
    } catch (error) {
      // fall through to the manual way
    }
    failed();
  }

  function use(container) {
    var input = document.querySelector(".taalcheck-form textarea");
    input.value = container.querySelector("#taalcheck-rewritten").textContent;
    say(container, "used");
    input.focus();
  }

  function enhance() {
    var container = result();
    if (!container || !container.querySelector(".taalcheck-rewrite")) {
      return;
    }
    container.querySelectorAll(".lexicon-replace, .taalcheck-rewrite").forEach(function (part) {
      part.hidden = false;
    });
    refresh(container);
  }

  document.addEventListener("click", function (event) {
    var container = result();
    var target = event.target.closest && event.target.closest("button");
    if (!container || !target || !container.contains(target)) {
      return;
    }
    if (target.classList.contains("lexicon-replace__button")) {
      replace(container, target);
    } else if (target.classList.contains("lexicon-replace__undo")) {
      undo(container, target);
    } else if (target.hasAttribute("data-rewrite-copy")) {
      copy(container);
    } else if (target.hasAttribute("data-rewrite-use")) {
      use(container);
    }
  });
  document.addEventListener("htmx:afterSwap", enhance);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
