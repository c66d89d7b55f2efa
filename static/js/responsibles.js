// «Ещё ответственный» adds one more name input to the event form.
(function () {
  var button = document.getElementById("add-responsible");
  if (!button) return;
  button.addEventListener("click", function () {
    var inputs = document.querySelectorAll("#responsibles input[name=responsible]");
    var last = inputs[inputs.length - 1];
    var copy = last.cloneNode();
    copy.value = "";
    copy.id = "responsible-" + (inputs.length + 1);
    var label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = copy.id;
    label.textContent = "Ответственный " + (inputs.length + 1);
    last.after(label, copy);
    copy.focus();
  });
})();
