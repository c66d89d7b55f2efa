// An offer's or a need's form: as one types the title, the Federal List's entries that fit are suggested
// (a listbox: arrows up and down, Enter to choose, Escape to close); choosing one fills «Номер в ФПУ», and the
// site takes the rest of the description from the list. Without this script the form works as it is.
(function () {
  var script = document.currentScript;
  var url = script && script.dataset.suggestUrl;
  var title = document.getElementById("id_title");
  var number = document.getElementById("id_fpu_number");
  if (!url || !title || !number || !window.fetch) return;
  var grade = document.getElementById("id_grade"); // a need's grade (a select); an offer's grades stay as typed

  var DELAY = 250; // ms after the last key before asking
  var MIN_LETTERS = 2;
  var field = title.parentNode;
  field.classList.add("position-relative");

  var list = document.createElement("ul");
  list.id = "fpu-suggestions";
  list.className = "list-group position-absolute w-100 shadow z-3 overflow-auto";
  list.style.maxHeight = "24rem";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Учебники из федерального перечня");
  list.hidden = true;
  var note = document.createElement("div");
  note.className = "form-text";
  note.hidden = true;
  var status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  title.after(list, note, status);

  title.setAttribute("role", "combobox");
  title.setAttribute("aria-autocomplete", "list");
  title.setAttribute("aria-expanded", "false");
  title.setAttribute("aria-controls", list.id);
  title.setAttribute("autocomplete", "off");

  var entries = [];
  var active = -1;
  var timer = null;
  var asking = null;

  function letters(text) {
    return (text.match(/[0-9a-zа-яё]/gi) || []).length;
  }

  function plural(count, one, few, many) {
    var tens = count % 100, units = count % 10;
    if (tens >= 11 && tens <= 14) return many;
    if (units === 1) return one;
    if (units >= 2 && units <= 4) return few;
    return many;
  }

  function describe(entry) {
    return [entry.authors, entry.grades, entry.publisher].filter(Boolean).join(", ");
  }

  function close() {
    list.hidden = true;
    note.hidden = true;
    title.setAttribute("aria-expanded", "false");
    title.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var options = list.children;
    if (active >= 0 && options[active]) {
      options[active].setAttribute("aria-selected", "false");
      options[active].classList.remove("active");
    }
    active = index;
    if (active < 0) {
      title.removeAttribute("aria-activedescendant");
      return;
    }
    var option = options[active];
    option.setAttribute("aria-selected", "true");
    option.classList.add("active");
    title.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  function show(data) {
    entries = data.results || [];
    list.replaceChildren();
    active = -1;
    title.removeAttribute("aria-activedescendant");
    if (!entries.length) {
      close();
      status.textContent = "В перечне такого учебника не нашлось: опишите его сами.";
      return;
    }
    entries.forEach(function (entry, index) {
      var option = document.createElement("li");
      option.id = "fpu-suggestion-" + index;
      option.className = "list-group-item list-group-item-action";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      var name = document.createElement("strong");
      name.textContent = entry.title;
      var details = document.createElement("div");
      details.className = "small text-body-secondary";
      details.textContent = describe(entry) + " · № " + entry.fpu_number;
      option.append(name);
      if (entry.excluded) {
        var badge = document.createElement("span");
        badge.className = "badge text-bg-danger ms-2";
        badge.textContent = "исключён из ФПУ";
        option.append(badge);
      }
      option.append(details);
      // mousedown would take the focus from the title (and close the list) before the click
      option.addEventListener("mousedown", function (event) { event.preventDefault(); });
      option.addEventListener("click", function () { choose(index); });
      list.append(option);
    });
    list.hidden = false;
    title.setAttribute("aria-expanded", "true");
    note.hidden = !data.corrected;
    note.textContent = data.corrected ? "Показаны учебники по запросу «" + data.corrected + "»." : "";
    status.textContent =
      "В перечне " + entries.length + " " + plural(entries.length, "учебник", "учебника", "учебников") +
      ": стрелки вверх и вниз — выбрать, Enter — подставить номер в ФПУ." + (data.corrected ? " " + note.textContent : "");
  }

  function ask() {
    var text = title.value.trim();
    if (asking) asking.abort();
    if (letters(text) < MIN_LETTERS) {
      close();
      return;
    }
    asking = new AbortController();
    fetch(url + "?" + new URLSearchParams({ q: text.slice(0, 200) }), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: asking.signal,
    })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { if (document.activeElement === title) show(data); })
      .catch(function () {}); // a suggestion is a help: the form works without it
  }

  function forget() {
    var chosen = document.getElementById("chosen-textbook");
    if (chosen) chosen.remove();
  }

  function choose(index) {
    var entry = entries[index];
    if (!entry) return;
    number.value = entry.fpu_number;
    if (grade && !grade.value && entry.grade_from === entry.grade_to) grade.value = String(entry.grade_from);
    forget();
    var chosen = document.createElement("div");
    chosen.id = "chosen-textbook";
    chosen.className = "alert alert-secondary py-2";
    var name = document.createElement("strong");
    name.textContent = entry.fpu_number + " " + entry.title;
    chosen.append("Из перечня: ", name, ", " + describe(entry) + ". ");
    if (entry.excluded) {
      var badge = document.createElement("span");
      badge.className = "badge text-bg-danger me-2";
      badge.textContent = "исключён из ФПУ";
      chosen.append(badge);
    }
    var undo = document.createElement("button");
    undo.type = "button";
    undo.className = "btn btn-link btn-sm p-0 align-baseline";
    undo.textContent = "Не этот учебник";
    undo.addEventListener("click", function () {
      number.value = "";
      forget();
      status.textContent = "Номер в ФПУ убран: опишите учебник сами или выберите другой.";
      title.focus();
    });
    chosen.append(undo);
    number.parentNode.after(chosen);
    close();
    status.textContent =
      "Выбран учебник " + entry.title + ", " + describe(entry) +
      ". Номер в ФПУ " + entry.fpu_number + " подставлен: наименование, авторов и издательство сайт возьмёт из перечня.";
  }

  title.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, DELAY);
  });
  title.addEventListener("keydown", function (event) {
    var open = !list.hidden && entries.length;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) {
        if (entries.length) { list.hidden = false; title.setAttribute("aria-expanded", "true"); }
        else ask();
        return;
      }
      highlight(active < entries.length - 1 ? active + 1 : 0);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active > 0 ? active - 1 : entries.length - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault(); // choosing, not sending the form
      choose(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  });
  title.addEventListener("blur", close);
  number.addEventListener("input", forget); // a number typed by hand: the chosen entry is no longer it
})();
