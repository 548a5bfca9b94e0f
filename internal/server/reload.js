// statusgen serve: live reload and build-error overlay. Injected by the
// preview server only; production pages never load it.
(function () {
  "use strict";
  var scrollKey = "statusgen.scroll:" + location.pathname;
  var saved = null;
  try { saved = sessionStorage.getItem(scrollKey); sessionStorage.removeItem(scrollKey); } catch (e) {}
  if (saved !== null) {
    var y = parseInt(saved, 10) || 0;
    var restore = function () { window.scrollTo(0, y); };
    if (document.readyState === "complete") restore();
    else window.addEventListener("load", restore);
  }

  var version = null;
  var overlay = null;

  function reload() {
    try { sessionStorage.setItem(scrollKey, String(window.scrollY)); } catch (e) {}
    location.reload();
  }

  function ensureStyles() {
    if (document.getElementById("statusgen-overlay-css")) return;
    var link = document.createElement("link");
    link.id = "statusgen-overlay-css";
    link.rel = "stylesheet";
    link.href = "/_statusgen/overlay.css";
    document.head.appendChild(link);
  }

  function showErrors(items) {
    ensureStyles();
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.className = "statusgen-overlay";
      overlay.setAttribute("role", "alertdialog");
      overlay.setAttribute("aria-label", "Build failed");
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var h = document.createElement("h2");
    h.textContent = "Build failed: " + items.length + (items.length === 1 ? " problem" : " problems");
    var p = document.createElement("p");
    p.textContent = "The page below is the last good build. Fix the file and this message goes away.";
    var list = document.createElement("ol");
    items.forEach(function (it) {
      var li = document.createElement("li");
      var pos = document.createElement("code");
      pos.textContent = it.pos;
      li.appendChild(pos);
      li.appendChild(document.createTextNode(" " + it.severity + ": " + it.msg));
      list.appendChild(li);
    });
    overlay.appendChild(h);
    overlay.appendChild(p);
    overlay.appendChild(list);
  }

  var es = new EventSource("/_statusgen/events");
  es.addEventListener("hello", function (e) {
    // A different build than the one this page came from: the server
    // restarted or rebuilt while we were disconnected.
    if (version !== null && e.data !== version) { reload(); return; }
    version = e.data;
  });
  es.addEventListener("reload", reload);
  es.addEventListener("build-error", function (e) {
    try { showErrors(JSON.parse(e.data)); } catch (err) {}
  });
})();
