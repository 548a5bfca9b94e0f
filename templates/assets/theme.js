// statusgen theme: runs in <head>, before the page is drawn, so that a
// reader who chose light or dark never sees the other flash first. It sets
// <html data-theme="light|dark"> (the choice, or the system's scheme) and
// data-theme-choice (light, dark or system), and the "js" class that shows
// the controls that need the script. Without it, the stylesheet follows
// prefers-color-scheme.
(function () {
  "use strict";
  var root = document.documentElement, key = "statusgen.theme", choice = null;
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  try { choice = localStorage.getItem(key); } catch (e) { /* storage off */ }
  if (choice !== "light" && choice !== "dark") choice = null;
  function apply() {
    var t = choice || (dark && dark.matches ? "dark" : "light");
    root.setAttribute("data-theme", t);
    root.setAttribute("data-theme-choice", choice || "system");
    var metas = document.querySelectorAll('meta[name="theme-color"]');
    for (var i = 0; i < metas.length; i++) metas[i].content = t === "dark" ? "#171d24" : "#f5f7fa";
  }
  apply();
  if (dark && dark.addEventListener) dark.addEventListener("change", function () { if (!choice) apply(); });
  root.className += " js";
  // setTheme("light" | "dark" | "system"), for the toggle in site.js.
  window.statusgenSetTheme = function (c) {
    choice = c === "light" || c === "dark" ? c : null;
    try {
      if (choice) localStorage.setItem(key, choice); else localStorage.removeItem(key);
    } catch (e) { /* remembered for this page only */ }
    apply();
  };
})();
