/* Coding screen: a selection in the text fills the passage and its character offsets.
   Offsets count in the stored text, which may hold "\r\n" where the page shows one line break. */
(function () {
  "use strict";
  var textElement = document.querySelector("[data-coding-text]");
  var form = document.querySelector("[data-coding-form]");
  var sourceElement = document.getElementById("coding-source");
  if (!textElement || !form || !sourceElement) {
    return;
  }
  var source = JSON.parse(sourceElement.textContent);
  var snippet = form.querySelector("[data-coding-snippet]");
  var start = form.querySelector("input[name='start']");
  var end = form.querySelector("input[name='end']");

  // Position in the shown text -> position in the stored text.
  var toSource = [];
  for (var i = 0; i < source.length; i++) {
    if (source[i] === "\r" && source[i + 1] === "\n") {
      continue;
    }
    toSource.push(i);
  }
  toSource.push(source.length);

  function offsetIn(node, offset) {
    var range = document.createRange();
    range.selectNodeContents(textElement);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function takeSelection() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return;
    }
    var range = selection.getRangeAt(0);
    if (!textElement.contains(range.startContainer) || !textElement.contains(range.endContainer)) {
      return;
    }
    var from = toSource[offsetIn(range.startContainer, range.startOffset)];
    var to = toSource[offsetIn(range.endContainer, range.endOffset)];
    if (from === undefined || to === undefined || to <= from) {
      return;
    }
    start.value = String(from);
    end.value = String(to);
    snippet.value = source.slice(from, to);
  }

  textElement.addEventListener("mouseup", takeSelection);
  textElement.addEventListener("keyup", takeSelection);
  // Typing the passage by hand: the server finds it, the old offsets no longer apply.
  snippet.addEventListener("input", function () {
    start.value = "";
    end.value = "";
  });
})();
