// «Добавить строку» on a provision report: a new empty row added on the page, without sending the form.
// Without this script the button sends the form and the page comes back with the row added, nothing lost.
(function () {
  "use strict";
  var button = document.getElementById("add-line");
  var template = document.getElementById("line-template");
  var total = document.getElementById("id_lines-TOTAL_FORMS");
  var body = document.querySelector("#lines tbody");
  if (!button || !template || !total || !body) return;
  button.addEventListener("click", function (event) {
    event.preventDefault();
    var index = parseInt(total.value, 10) || 0;
    var html = template.innerHTML.replace(/__prefix__/g, String(index));
    body.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    var first = body.querySelector("[name='lines-" + index + "-grade']");
    if (first) first.focus();
  });
})();
