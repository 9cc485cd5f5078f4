/* Conflict Timeline: progressive enhancement only. Every page works without this file.
   - filtering without a full reload (links and the filter form fetch the page, swap it in)
   - drag across the chart's bars to narrow the date range
   - keyboard: "/" search, "j"/"k" next/previous event, Esc leaves the search box */
(function () {
  "use strict";
  var ROOT = "timeline-page";

  function sameTimeline(url) {
    return url.origin === location.origin && url.pathname === "/";
  }

  function swap(url, push) {
    document.body.classList.add("loading");
    return fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById(ROOT);
        var old = document.getElementById(ROOT);
        if (!fresh || !old) { location.assign(url); return; }
        old.replaceWith(document.importNode(fresh, true));
        document.title = doc.title;
        if (push) { history.pushState({ timeline: true }, "", url); }
        foldFilters();
        var heading = document.getElementById("timeline-heading");
        if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({ preventScroll: true }); }
      })
      .catch(function () { location.assign(url); })
      .finally(function () { document.body.classList.remove("loading"); });
  }

  // On a phone the filters start folded (unless some are active) so the timeline shows first.
  function foldFilters() {
    var box = document.querySelector(".filter-box");
    if (box && window.matchMedia("(max-width: 760px)").matches && !document.querySelector(".active-filters")) {
      box.open = false;
    }
  }
  foldFilters();

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
    var link = event.target.closest && event.target.closest("#" + ROOT + " a[href]");
    if (!link) { return; }
    var url = new URL(link.getAttribute("href"), location.href);
    if (!sameTimeline(url)) { return; }
    event.preventDefault();
    swap(url.href, true);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.closest("#" + ROOT) || form.method.toLowerCase() !== "get") { return; }
    event.preventDefault();
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value !== "") { params.append(key, value); } });
    var query = params.toString();
    swap("/" + (query ? "?" + query : ""), true);
  });

  document.addEventListener("change", function (event) {
    var select = event.target;
    if (select.matches && select.matches("#" + ROOT + " select:not([multiple])")) {
      select.form.requestSubmit();
    }
  });

  window.addEventListener("popstate", function () {
    if (document.getElementById(ROOT)) { swap(location.href, false); }
  });

  // Chart: press on one bar, release on another → the range between them.
  var dragFrom = null;
  function barAt(event) {
    var el = document.elementFromPoint(event.clientX, event.clientY);
    return el && el.closest ? el.closest(".chart a.bar") : null;
  }
  function mark(a, b) {
    var bars = Array.prototype.slice.call(document.querySelectorAll(".chart a.bar"));
    var i = bars.indexOf(a), j = bars.indexOf(b);
    bars.forEach(function (bar, k) {
      bar.classList.toggle("selecting", k >= Math.min(i, j) && k <= Math.max(i, j));
    });
  }
  document.addEventListener("pointerdown", function (event) {
    var bar = barAt(event);
    if (bar && event.button === 0) { dragFrom = bar; event.preventDefault(); }
  });
  document.addEventListener("pointermove", function (event) {
    if (!dragFrom) { return; }
    var bar = barAt(event);
    if (bar) { mark(dragFrom, bar); }
  });
  document.addEventListener("pointerup", function (event) {
    if (!dragFrom) { return; }
    var start = dragFrom, end = barAt(event) || dragFrom;
    dragFrom = null;
    var url = new URL(start.getAttribute("href"), location.href);
    var a = start.dataset.from < end.dataset.from ? start : end;
    var b = a === start ? end : start;
    url.searchParams.set("from", a.dataset.from);
    url.searchParams.set("to", b.dataset.to);
    url.searchParams.delete("after");
    swap(url.href, true);
  });
  // The pointerup above handles mouse and touch; keep the plain click from navigating twice.
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".chart a.bar") && event.detail > 0) { event.preventDefault(); }
  }, true);

  // Keyboard shortcuts (not while typing).
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (event.key === "Escape" && typing) { event.target.blur(); return; }
    if (typing || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "/") {
      var box = document.getElementById("q");
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    } else if (event.key === "j" || event.key === "k") {
      var rows = Array.prototype.slice.call(document.querySelectorAll(".event"));
      if (!rows.length) { return; }
      var current = rows.indexOf(document.querySelector(".event.current"));
      var next = rows[Math.max(0, Math.min(rows.length - 1, current + (event.key === "j" ? 1 : -1)))];
      rows.forEach(function (row) { row.classList.remove("current"); });
      next.classList.add("current");
      next.setAttribute("tabindex", "-1");
      next.focus();
      next.scrollIntoView({ block: "center" });
    }
  });
})();
