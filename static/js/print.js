// Show the "Imprimer" buttons, which need JavaScript, and print the page on click.
// Without JavaScript the browser's own print command gives the same printed page.
"use strict";

document.querySelectorAll("button[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
