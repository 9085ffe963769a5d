// "Quitter rapidement": leave at once, and take the page left behind out of the history.
// Without JavaScript the button still works: the form posts, the answers are forgotten and
// the server redirects to a neutral site. With it, the same address is opened with
// location.replace(): the server forgets the answers and redirects, and the neutral site
// takes the place of this page in the history, so "back" does not show it again.
"use strict";

document.querySelectorAll("form[data-quick-exit]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.location.replace(form.action);
  });
});
