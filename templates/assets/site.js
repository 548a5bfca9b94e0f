// statusgen progressive enhancement: tabbed examples, copy buttons and
// scrolling boxes for wide tables.
// Every page works without this script; it only rearranges what is there.
(function () {
  "use strict";
  var storeKey = "statusgen.lang";

  function remembered() {
    try { return localStorage.getItem(storeKey); } catch (e) { return null; }
  }
  function remember(lang) {
    try { localStorage.setItem(storeKey, lang); } catch (e) { /* private mode */ }
  }

  function select(group, index, focus) {
    var tabs = group.querySelectorAll('[role="tab"]');
    var panels = group.querySelectorAll(".tab-panel");
    for (var i = 0; i < tabs.length; i++) {
      var on = i === index;
      tabs[i].setAttribute("aria-selected", on ? "true" : "false");
      tabs[i].tabIndex = on ? 0 : -1;
      panels[i].hidden = !on;
    }
    if (focus) tabs[index].focus();
  }

  function selectLang(lang) {
    document.querySelectorAll(".tabs.enhanced").forEach(function (g) {
      var panels = g.querySelectorAll(".tab-panel");
      for (var i = 0; i < panels.length; i++) {
        if (panels[i].getAttribute("data-lang") === lang) { select(g, i, false); return; }
      }
    });
  }

  function enhanceTabs(group) {
    var panels = group.querySelectorAll(".tab-panel");
    var list = document.createElement("div");
    list.className = "tablist";
    list.setAttribute("role", "tablist");
    panels.forEach(function (panel, i) {
      var label = panel.querySelector(".tab-label");
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = panel.id + "-tab";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      tab.textContent = label ? label.textContent : "Example " + (i + 1);
      tab.addEventListener("click", function () {
        select(group, i, false);
        var lang = panel.getAttribute("data-lang");
        if (lang) { remember(lang); selectLang(lang); select(group, i, false); }
      });
      tab.addEventListener("keydown", function (ev) {
        var n = panels.length, to = -1;
        if (ev.key === "ArrowRight") to = (i + 1) % n;
        if (ev.key === "ArrowLeft") to = (i - 1 + n) % n;
        if (ev.key === "Home") to = 0;
        if (ev.key === "End") to = n - 1;
        if (to >= 0) { ev.preventDefault(); select(group, to, true); }
      });
      list.appendChild(tab);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
    });
    group.insertBefore(list, group.firstChild);
    group.classList.add("enhanced");
    select(group, 0, false);
  }

  function addCopy(pre) {
    if (!navigator.clipboard) return;
    var wrap = document.createElement("div");
    wrap.className = "code-wrap";
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "copy";
    btn.textContent = "Copy";
    btn.addEventListener("click", function () {
      navigator.clipboard.writeText(pre.innerText).then(function () {
        btn.textContent = "Copied";
        setTimeout(function () { btn.textContent = "Copy"; }, 1500);
      });
    });
    wrap.appendChild(btn);
  }

  // A table too wide for the screen scrolls inside a wrapper; while it does,
  // the wrapper is a labelled region that takes keyboard focus, so it can be
  // scrolled without a mouse.
  var scrollers = [];

  function tableName(wrap) {
    for (var el = wrap.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[2-6]$/.test(el.tagName)) return "Table: " + el.textContent;
    }
    return "Table";
  }

  function wrapTable(table) {
    var wrap = document.createElement("div");
    wrap.className = "table-scroll";
    table.parentNode.insertBefore(wrap, table);
    wrap.appendChild(table);
    scrollers.push(wrap);
  }

  function updateScrollers() {
    scrollers.forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", tableName(wrap));
        wrap.tabIndex = 0;
      } else {
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        wrap.removeAttribute("tabindex");
      }
    });
  }

  // The table of contents is collapsed in the markup, so that on a phone it
  // does not fill the first screen; beside the text, on wide screens, it
  // starts open.
  function openToc() {
    if (!window.matchMedia || !window.matchMedia("(min-width: 64rem)").matches) return;
    document.querySelectorAll("details[data-toc]").forEach(function (d) { d.open = true; });
  }

  function init() {
    openToc();
    document.querySelectorAll(".prose table, .qa table").forEach(wrapTable);
    if (scrollers.length) {
      updateScrollers();
      var pending = false;
      window.addEventListener("resize", function () {
        if (pending) return;
        pending = true;
        setTimeout(function () { pending = false; updateScrollers(); }, 150);
      });
    }
    document.querySelectorAll(".tabs[data-tabs]").forEach(enhanceTabs);
    var lang = remembered();
    if (lang) selectLang(lang);
    document.querySelectorAll("pre.chroma").forEach(addCopy);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
