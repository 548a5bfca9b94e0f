// statusgen progressive enhancement: search, the theme toggle, tabbed
// examples, copy buttons, keyboard access to boxes that scroll, and the
// table of contents. Every page reads completely without this script: it
// only adds controls and rearranges what is there.
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;

  function load(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode */ }
  }
  function all(sel, el) { return Array.prototype.slice.call((el || doc).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // A polite live region for confirmations ("Copied").
  // It is in the page from the start: a region added with its message is
  // not announced by every screen reader.
  var live;
  function initLive() {
    live = el("div", "visually-hidden");
    live.setAttribute("role", "status");
    doc.body.appendChild(live);
  }
  function announce(msg) {
    live.textContent = "";
    setTimeout(function () { live.textContent = msg; }, 50);
  }

  // ---- Theme: light, dark or the system's, remembered by theme.js.
  function initTheme() {
    var btn = doc.querySelector("[data-theme-toggle]");
    if (!btn || !window.statusgenSetTheme) return;
    var name = btn.querySelector("[data-theme-name]");
    var names = { system: "auto", light: "light", dark: "dark" };
    function show() { name.textContent = names[root.getAttribute("data-theme-choice")] || "auto"; }
    btn.addEventListener("click", function () {
      // auto, then the opposite of the system's scheme, then the system's
      // own (kept when the system changes), then auto again
      var choice = root.getAttribute("data-theme-choice");
      var sys = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
      var other = sys === "dark" ? "light" : "dark";
      var next = choice === "system" ? other : choice === other ? sys : "system";
      window.statusgenSetTheme(next);
      show();
      announce("Theme: " + names[next]);
    });
    show();
  }

  // ---- Tabbed examples. The choice is remembered by the tab's label
  // ("Go server"), falling back to its language, so that a reader who
  // picks one sees it on every page that has it.
  var tabKey = "statusgen.tab", langKey = "statusgen.lang";

  function panelLabel(panel) {
    var l = panel.querySelector(".tab-label");
    return l ? l.textContent : "";
  }

  function select(group, index, focus) {
    var tabs = all('[role="tab"]', group), panels = all(".tab-panel", group);
    for (var i = 0; i < tabs.length; i++) {
      var on = i === index;
      tabs[i].setAttribute("aria-selected", on ? "true" : "false");
      tabs[i].tabIndex = on ? 0 : -1;
      panels[i].hidden = !on;
    }
    if (focus) tabs[index].focus();
    // Measuring forces a layout: during start-up it is done once, for all.
    if (ready) updateScrollers(group);
  }

  // selectRemembered shows in each group the panel of the remembered label,
  // else of the remembered language, and leaves other groups alone.
  function selectRemembered(except) {
    var label = load(tabKey), lang = load(langKey);
    if (!label && !lang) return;
    all(".tabs.enhanced").forEach(function (g) {
      if (g === except) return;
      var panels = all(".tab-panel", g), byLang = -1;
      for (var i = 0; i < panels.length; i++) {
        if (label && panelLabel(panels[i]) === label) { select(g, i, false); return; }
        if (byLang < 0 && lang && panels[i].getAttribute("data-lang") === lang) byLang = i;
      }
      if (byLang >= 0) select(g, byLang, false);
    });
  }

  function choose(group, i, focus) {
    var panel = all(".tab-panel", group)[i];
    select(group, i, focus);
    save(tabKey, panelLabel(panel));
    save(langKey, panel.getAttribute("data-lang") || "");
    selectRemembered(group);
  }

  function enhanceTabs(group) {
    var panels = all(".tab-panel", group);
    var list = el("div", "tablist");
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", "Examples");
    panels.forEach(function (panel, i) {
      var tab = el("button", "", panelLabel(panel) || "Example " + (i + 1));
      tab.type = "button";
      tab.id = panel.id + "-tab";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      tab.addEventListener("click", function () { choose(group, i, false); });
      tab.addEventListener("keydown", function (ev) {
        var n = panels.length, to = -1;
        if (ev.key === "ArrowRight") to = (i + 1) % n;
        if (ev.key === "ArrowLeft") to = (i - 1 + n) % n;
        if (ev.key === "Home") to = 0;
        if (ev.key === "End") to = n - 1;
        if (to >= 0) { ev.preventDefault(); choose(group, to, true); }
      });
      list.appendChild(tab);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
    });
    group.insertBefore(list, group.firstChild);
    group.classList.add("enhanced");
    select(group, 0, false);
  }

  // ---- Copy buttons, in the label strip of each example, where they cover
  // no code. Without the Clipboard API, a hidden text area and
  // execCommand; without either, no button.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (ok, fail) {
      var ta = el("textarea", "visually-hidden");
      ta.value = text;
      ta.setAttribute("readonly", "");
      doc.body.appendChild(ta);
      ta.select();
      var done = false;
      try { done = doc.execCommand("copy"); } catch (e) { /* unsupported */ }
      doc.body.removeChild(ta);
      if (done) ok(); else fail(new Error("copy unsupported"));
    });
  }
  var canCopy = !!(navigator.clipboard && window.isSecureContext) ||
    !!(doc.queryCommandSupported && doc.queryCommandSupported("copy"));

  function addCopy(box, label, source) {
    var btn = el("button", "copy", "Copy");
    btn.type = "button";
    btn.setAttribute("aria-label", "Copy " + label + " example");
    btn.addEventListener("click", function () {
      var pre = source();
      if (!pre) return;
      copyText(pre.innerText.replace(/\n$/, "")).then(function () {
        btn.textContent = "Copied";
        announce("Copied to the clipboard");
        setTimeout(function () { btn.textContent = "Copy"; }, 1500);
      }, function () {
        announce("Could not copy: select the code and copy it");
      });
    });
    box.appendChild(btn);
  }

  function initCopy() {
    if (!canCopy) return;
    all(".code").forEach(function (box) {
      var label = box.querySelector(".code-label");
      addCopy(box, label ? label.textContent : "code", function () { return box.querySelector("pre"); });
    });
    all(".tabs.enhanced").forEach(function (g) {
      addCopy(g, "the selected", function () {
        var p = all(".tab-panel", g).filter(function (p) { return !p.hidden; })[0];
        return p && p.querySelector("pre");
      });
    });
  }

  // ---- Boxes that scroll sideways (tables, code) take keyboard focus
  // while, and only while, they do.
  var scrollers = [], ready = false;
  function updateScrollers(within) {
    scrollers.forEach(function (box) {
      if (within && !within.contains(box)) return;
      if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
      else box.removeAttribute("tabindex");
    });
  }

  // ---- Table of contents: collapsed in the markup so that on a phone it
  // does not fill the first screen; open beside the text on wide screens;
  // the section being read is marked.
  function initToc() {
    var wide = window.matchMedia && window.matchMedia("(min-width: 64rem)").matches;
    all("details[data-toc]").forEach(function (d) { if (wide) d.open = true; });
    var links = all(".toc a[href^='#']"), targets = [];
    links.forEach(function (a) {
      var t = doc.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
      if (t) targets.push([t, a]);
    });
    if (!targets.length) return;
    var pending = false, current = null;
    function mark() {
      pending = false;
      var on = targets[0][1];
      for (var i = 0; i < targets.length; i++) {
        if (targets[i][0].getBoundingClientRect().top > 120) break;
        on = targets[i][1];
      }
      if ((window.innerHeight + window.scrollY) >= doc.body.scrollHeight - 2) on = targets[targets.length - 1][1];
      if (on === current) return;
      if (current) current.removeAttribute("aria-current");
      on.setAttribute("aria-current", "true");
      current = on;
    }
    window.addEventListener("scroll", function () {
      if (!pending) { pending = true; window.requestAnimationFrame(mark); }
    }, { passive: true });
    mark();
  }

  // ---- Search: an ARIA combobox over /search-index.json, fetched on first
  // use and kept for offline visits.
  var index = null, indexing = null;
  function getIndex(url) {
    if (index) return Promise.resolve(index);
    if (indexing) return indexing;
    indexing = fetch(url).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.text();
    }).then(function (text) {
      save("statusgen.index", text);
      return text;
    }, function (err) {
      var kept = load("statusgen.index");
      if (kept) return kept;
      indexing = null;
      throw err;
    }).then(function (text) {
      index = prepare(JSON.parse(text));
      return index;
    });
    return indexing;
  }

  function norm(s) { return String(s).toLowerCase().replace(/[’']/g, "").replace(/[^a-z0-9]+/g, " ").trim(); }
  function words(list) { return norm(list.join(" ")).split(" ").filter(Boolean); }

  // Fields a query is matched against, with their weights.
  function prepare(idx) {
    idx.pages.forEach(function (p) {
      p.code = p.c ? String(p.c) : "";
      // The names a reader might type whole: "rate limit", "teapot".
      p.exact = [p.t].concat(p.a || [], p.k || []).map(norm);
      p.fields = [
        [words([p.t]), 10, norm(p.t)],
        [words(p.a || []), 10, norm((p.a || []).join(" "))],
        [words(p.n || []).concat((p.n || []).map(function (n) { return norm(n).replace(/ /g, ""); })), 8, ""],
        [words(p.k || []), 6, norm((p.k || []).join(" | "))],
        [words([p.v || ""]), 6, ""],
        [words([p.s]), 2, ""]
      ];
    });
    return idx;
  }

  function score(p, tokens, phrase) {
    var total = 0, codeHit = false, missed = 0;
    tokens.forEach(function (t) {
      if (p.code && t === p.code) { total += 100; codeHit = true; return; }
      if (p.code && /^\d+$/.test(t) && p.code.indexOf(t) === 0) { total += 30; codeHit = true; return; }
      var best = 0;
      p.fields.forEach(function (f) {
        for (var i = 0; i < f[0].length; i++) {
          var w = f[0][i];
          if (w === t) best = Math.max(best, f[1] * 2);
          else if (t.length > 1 && w.indexOf(t) === 0) best = Math.max(best, f[1]);
          else if (t.length > 5 && w.indexOf(t) > 0) best = Math.max(best, f[1] / 2);
        }
      });
      if (best) total += best; else missed++;
    });
    if (missed && !codeHit) return 0;
    if (p.exact.indexOf(phrase) >= 0) total += 50;
    if (tokens.length > 1) {
      p.fields.forEach(function (f) { if (f[2] && f[2].indexOf(phrase) >= 0) total += f[1] * 3; });
    }
    // On a tie, the registered code wins over a vendor's.
    return p.v ? total * 0.9 : total;
  }

  // search returns up to 8 results: {url, code, title, meta}.
  function search(idx, q) {
    var phrase = norm(q), tokens = phrase.split(" ").filter(Boolean);
    if (!tokens.length) return [];
    var out = [];
    if (/^\d{3}$/.test(phrase) && !idx.pages.some(function (p) { return p.code === phrase; })) {
      var cls = idx.classes.filter(function (c) { return String(c.d) === phrase[0]; })[0];
      if (cls) out.push({ url: cls.u, title: "No page for " + phrase + ": see " + cls.d + "xx " + cls.t, meta: "A client treats an unknown code as " + cls.d + "00." });
    }
    var scored = [];
    idx.pages.forEach(function (p, i) {
      var s = score(p, tokens, phrase);
      if (s > 0) scored.push([s, p.c ? 0 : 1, p.c || i, p]);
    });
    scored.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1] || a[2] - b[2]; });
    scored.slice(0, 8 - out.length).forEach(function (s) {
      var p = s[3];
      var extra = p.v ? "unofficial, " + p.v + " · " : "";
      var meta = extra + p.s;
      out.push({ url: p.u, code: p.code, title: p.t + (p.a && p.a.length ? " · “" + p.a[0] + "”" : ""), meta: meta.length > 120 ? meta.slice(0, 117).replace(/\s+\S*$/, "") + "…" : meta });
    });
    return out;
  }

  function initSearch() {
    var form = doc.querySelector("[data-search]");
    if (!form) return;
    var input = form.querySelector("input"), list = form.querySelector("[role=listbox]");
    var status = form.querySelector("[role=status]"), url = form.getAttribute("data-search");
    var results = [], active = -1, seq = 0;

    function open(on) {
      list.hidden = !on;
      input.setAttribute("aria-expanded", on ? "true" : "false");
      if (!on) { active = -1; input.removeAttribute("aria-activedescendant"); }
    }
    function setActive(i) {
      var opts = all("[role=option]", list);
      opts.forEach(function (o, j) { o.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (i >= 0 && opts[i]) {
        input.setAttribute("aria-activedescendant", opts[i].id);
        opts[i].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    }
    function go(r) { if (r) window.location.href = r.url; }
    function render() {
      list.textContent = "";
      results.forEach(function (r, i) {
        var li = el("li");
        li.id = "q-opt-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var t = el("span", "r-title");
        if (r.code) {
          t.appendChild(el("span", "num num-" + r.code[0], r.code));
          t.appendChild(doc.createTextNode(" "));
        }
        t.appendChild(doc.createTextNode(r.title));
        li.appendChild(t);
        li.appendChild(el("span", "r-meta", r.meta));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
        li.addEventListener("click", function () { go(r); });
        list.appendChild(li);
      });
      if (!results.length && input.value.trim()) {
        var none = el("li", "r-none", "No results. Try a code (404) or words (rate limit).");
        none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true");
        none.setAttribute("aria-selected", "false");
        none.id = "q-opt-none";
        list.appendChild(none);
      }
      open(!!input.value.trim());
      status.textContent = input.value.trim() ? (results.length ? results.length + " results" : "No results") : "";
    }
    function update() {
      var q = input.value, mine = ++seq;
      if (!q.trim()) { results = []; render(); return; }
      getIndex(url).then(function (idx) {
        if (mine !== seq) return;
        results = search(idx, q);
        render();
        if (results.length) setActive(-1);
      }, function () {
        status.textContent = "Search is not available: the index could not be loaded.";
      });
    }
    input.addEventListener("input", update);
    input.addEventListener("focus", function () {
      getIndex(url).catch(function () { /* reported when typing */ });
      if (input.value.trim()) update();
    });
    input.addEventListener("blur", function () { setTimeout(function () { open(false); }, 150); });
    input.addEventListener("keydown", function (ev) {
      var n = results.length;
      if (ev.key === "ArrowDown" && n) { ev.preventDefault(); if (list.hidden) open(true); setActive((active + 1) % n); }
      else if (ev.key === "ArrowUp" && n) { ev.preventDefault(); if (list.hidden) open(true); setActive(active <= 0 ? n - 1 : active - 1); }
      else if (ev.key === "Escape") {
        if (!list.hidden) { ev.preventDefault(); open(false); } else input.value = "";
      } else if (ev.key === "Enter") {
        ev.preventDefault();
        var q = norm(input.value);
        getIndex(url).then(function (idx) {
          results = search(idx, input.value);
          var exact = results.filter(function (r) { return r.code === q; })[0];
          go(active >= 0 && active < results.length ? results[active] : exact || results[0]);
        });
      }
    });
    // "/" anywhere but in a field brings the reader to the search box.
    doc.addEventListener("keydown", function (ev) {
      if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var t = ev.target, tag = t && t.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
      ev.preventDefault();
      input.focus();
      input.select();
    });
    if (doc.getElementById("did-you-mean")) didYouMean(url);
  }

  // ---- The 404 page: codes and pages close to the address asked for,
  // /status/4040/ or /429x: a digit too many, one mistyped, a letter added.
  function edits(a, b) {
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) d[i] = [i];
    for (j = 1; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
    }
    return d[a.length][b.length];
  }
  function didYouMean(url) {
    var box = doc.getElementById("did-you-mean");
    var parts = window.location.pathname.toLowerCase().split(/[^a-z0-9-]+/).filter(Boolean);
    if (!parts.length) return;
    getIndex(url).then(function (idx) {
      var near = [];
      parts.forEach(function (part) {
        // "4o4" is 404; "429x" is 429; "4040" is a digit away from 404.
        var digits = part.replace(/o/g, "0").replace(/[^0-9]/g, "");
        idx.pages.forEach(function (p) {
          var d = p.code ? (digits.length >= 3 && digits.length <= 5 ? edits(digits, p.code) : 9)
            : (part.length > 3 ? edits(part, p.u.split("/").filter(Boolean).pop()) : 9);
          // 4040 is likelier 404 than 400 or 440: prefer a code it starts with.
          if (d <= (p.code ? 1 : 2)) near.push([d - (p.code && digits.indexOf(p.code) === 0 ? 0.5 : 0), p]);
        });
      });
      near.sort(function (a, b) { return a[0] - b[0]; });
      var found = [];
      near.forEach(function (n) { if (found.indexOf(n[1]) < 0) found.push(n[1]); });
      found = found.slice(0, 5);
      if (!found.length) return;
      box.appendChild(el("p", "", "Did you mean:"));
      var ul = el("ul");
      found.forEach(function (p) {
        var li = el("li"), a = el("a", "", (p.code ? p.code + " " : "") + p.t);
        a.href = p.u;
        li.appendChild(a);
        ul.appendChild(li);
      });
      box.appendChild(ul);
      box.hidden = false;
    }).catch(function () { /* the page still offers its links */ });
  }

  function init() {
    initLive();
    initTheme();
    all(".tabs[data-tabs]").forEach(enhanceTabs);
    selectRemembered(null);
    initCopy();
    scrollers = all(".table-scroll, pre.chroma");
    updateScrollers();
    ready = true;
    initToc();
    var pending = false;
    window.addEventListener("resize", function () {
      if (pending) return;
      pending = true;
      setTimeout(function () { pending = false; updateScrollers(); }, 150);
    });
    initSearch();
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();
})();
