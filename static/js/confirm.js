// Forms with data-confirm ask before they are sent (deleting, taking a plan back to draft, reopening a report).
document.addEventListener("submit", function (event) {
  var question = event.target.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
