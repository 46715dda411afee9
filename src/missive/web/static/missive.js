// Missive: optional niceties only; every page works without this file.
// On an article, pointing at one mark lights up every mark of the same event.
document.addEventListener("DOMContentLoaded", function () {
  var marks = document.querySelectorAll("mark[data-events]");
  function toggle(ids, on) {
    marks.forEach(function (m) {
      var mine = (m.getAttribute("data-events") || "").split(" ");
      if (ids.some(function (id) { return id && mine.indexOf(id) >= 0; })) m.classList.toggle("active", on);
    });
  }
  marks.forEach(function (m) {
    var ids = (m.getAttribute("data-events") || "").split(" ");
    m.addEventListener("mouseenter", function () { toggle(ids, true); });
    m.addEventListener("mouseleave", function () { toggle(ids, false); });
  });
});
