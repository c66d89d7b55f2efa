// A button with data-confirm asks before its form is sent («Сдать отчёт» shares its form with «Сохранить черновик»,
// so the question belongs to the button, not to the form as in static/js/confirm.js).
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-confirm]");
  if (button && !window.confirm(button.getAttribute("data-confirm"))) {
    event.preventDefault();
  }
});
