// The live hours preview of the back office's edit form: as the editor types OpenStreetMap
// hours, ask the server (GET, the same preview as the "Vérifier" button) and show its answer.
// Without JavaScript the button does the same with a full page.
(function () {
  "use strict";
  var input = document.querySelector("[data-hours-preview]");
  var target = document.getElementById("hours-preview");
  if (!input || !target || !window.fetch) {
    return;
  }
  var timer = null;
  var asked = 0;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var ticket = ++asked;
      var url = input.getAttribute("data-hours-preview") + "?opening_hours=" + encodeURIComponent(input.value);
      window.fetch(url, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html !== null && ticket === asked) {
            target.innerHTML = html;
          }
        })
        .catch(function () { /* the button still works */ });
    }, 300);
  });
})();
