// Filter the action catalog (docs/actions/index.md) by kind, jurisdiction and year.
// Rows carry data-kind, data-jurisdiction and data-years (the years of any of the action's five
// dates); each <select data-filter="..."> narrows the rows. Works with and without Material's
// instant navigation (document$), and does nothing on pages without the catalog.
(function () {
  "use strict";

  function matches(row, filters) {
    return filters.every(function (filter) {
      var wanted = filter.value;
      if (!wanted) return true;
      var name = filter.getAttribute("data-filter");
      if (name === "year") {
        return (row.getAttribute("data-years") || "").split(" ").indexOf(wanted) >= 0;
      }
      return row.getAttribute("data-" + name) === wanted;
    });
  }

  function setup() {
    var table = document.getElementById("catalog");
    var box = document.getElementById("catalog-filters");
    if (!table || !box || box.getAttribute("data-ready") === "true") return;
    box.setAttribute("data-ready", "true");
    var filters = Array.prototype.slice.call(box.querySelectorAll("select[data-filter]"));
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var count = document.getElementById("catalog-count");

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = matches(row, filters);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = String(shown);
      var params = new URLSearchParams(window.location.search);
      filters.forEach(function (filter) {
        var name = filter.getAttribute("data-filter");
        if (filter.value) params.set(name, filter.value);
        else params.delete(name);
      });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    // Preselect from the address (?kind=exemption&year=2020), so filtered views can be shared.
    var initial = new URLSearchParams(window.location.search);
    filters.forEach(function (filter) {
      var value = initial.get(filter.getAttribute("data-filter"));
      if (value && filter.querySelector('option[value="' + CSS.escape(value) + '"]')) filter.value = value;
      filter.addEventListener("change", apply);
    });
    apply();
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
