/* pelican-chronicles: filter the chronicle archive as you type.
 *
 * Progressive enhancement, no dependencies. Without this script the archive
 * is complete. With it, each .chronicles-filter placeholder on an archive page
 * becomes a labelled search field: entries whose text does not contain every
 * word typed are hidden, months and years left empty are hidden with their
 * rail links, and a polite live region says how many posts are shown.
 * Clearing the field (or pressing Escape) restores everything.
 *
 * The visible words come from the placeholder's data-label, data-placeholder
 * and data-status ("{shown} of {total} posts shown") attributes, so they
 * follow the site's labels.
 */
(function () {
  "use strict";

  function fold(text) {
    // Case- and accent-insensitive: "sao" finds "SÃO PAULO".
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  function setup(mount, number) {
    var archive = mount.closest(".chronicles-archive") || document;
    var entries = archive.querySelectorAll(".chronicles-entry");
    if (!entries.length) {
      return;
    }
    var texts = Array.prototype.map.call(entries, function (entry) {
      return fold(entry.textContent.replace(/\s+/g, " "));
    });
    var months = archive.querySelectorAll(".chronicles-month");
    var years = archive.querySelectorAll(".chronicles-year");
    var statusTemplate = mount.getAttribute("data-status") || "{shown} of {total} posts shown";

    var id = "chronicles-filter-" + number;
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = mount.getAttribute("data-label") || "Filter posts";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    input.spellcheck = false;
    input.placeholder = mount.getAttribute("data-placeholder") || "";
    var status = document.createElement("p");
    status.className = "chronicles-filter-status";
    status.id = id + "-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", status.id);
    mount.appendChild(label);
    mount.appendChild(input);
    mount.appendChild(status);
    mount.hidden = false;

    function railItem(year) {
      var link = archive.querySelector('.chronicles-rail a[href="#' + year.id + '"]');
      return link ? link.closest("li") : null;
    }

    function apply() {
      var terms = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      each(entries, function (entry, i) {
        var match = terms.every(function (term) {
          return texts[i].indexOf(term) !== -1;
        });
        entry.hidden = !match;
        if (match) {
          shown += 1;
        }
      });
      each(months, function (month) {
        month.hidden = !month.querySelector(".chronicles-entry:not([hidden])");
      });
      each(years, function (year) {
        year.hidden = !year.querySelector(".chronicles-month:not([hidden])");
        var item = railItem(year);
        if (item) {
          item.hidden = year.hidden;
        }
      });
      status.textContent = terms.length
        ? statusTemplate.replace("{shown}", String(shown)).replace("{total}", String(entries.length))
        : "";
    }

    input.addEventListener("input", apply);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        input.value = "";
        apply();
      }
    });
  }

  function init() {
    each(document.querySelectorAll(".chronicles-archive .chronicles-filter"), setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
