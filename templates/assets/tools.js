// statusgen tools: the request builder and the status code chooser. Loaded
// only on their pages. Without it, the builder's examples are written out in
// the page and the chooser is a page per question.
//
// The builder runs the example API's compiled model (model.json) with the
// interpreter below, which must answer exactly as internal/exampleapi does
// in Go: the build prints every example with the Go one, and the browser
// tests compare the two on every preset.
(function () {
  "use strict";
  var doc = document;

  // ---- Values: JSON, with nothing inherited. A key of anything but an
  // object that has it as its own is null.
  function isObj(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function get(o, k) { return isObj(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : null; }
  function put(o, k, v) { Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true }); }
  function num(v) { return typeof v === "number" ? v : typeof v === "string" && /^-?[0-9]+(\.[0-9]+)?$/.test(v) ? +v : null; }
  function str(v) { return v == null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v); }
  function truthy(v) { return v != null && v !== false && v !== "" && v !== 0; }
  function equal(a, b) { return a == null || b == null ? a == null && b == null : str(a) === str(b); }
  var res = {};
  function re(s) { return res[s] || (res[s] = new RegExp(s)); }
  function match(v, r) { return v != null && re(r).test(str(v)); }
  function bytes(s) { return new TextEncoder().encode(s).length; }
  function trim(s) { return s.trim(); }

  var fns = {
    capture: function (s, r, n) {
      var m = s == null ? null : re(str(r)).exec(str(s)), i = num(n);
      return m && i != null && m[i] != null ? m[i] : null;
    },
    slice: function (s, a, b) {
      return s == null ? null : str(s).slice(num(a) == null ? 0 : num(a), b == null || num(b) == null ? undefined : num(b));
    },
    len: function (v) { return typeof v === "string" || Array.isArray(v) ? v.length : null; },
    lower: function (v) { return v == null ? null : str(v).toLowerCase(); },
    num: num,
    min: function (a, b) { a = num(a); b = num(b); return a == null || b == null ? null : Math.min(a, b); },
    max: function (a, b) { a = num(a); b = num(b); return a == null || b == null ? null : Math.max(a, b); }
  };

  function keys(v, ks, r) {
    for (var i = 0; i < ks.length; i++) v = get(v, str(ev(ks[i], r)));
    return v;
  }

  // ev evaluates a compiled expression (see internal/exampleapi/expr.go).
  function ev(e, r) {
    if (!Array.isArray(e)) return e;
    var op = e[0], a = e.slice(1), x, y, i, o;
    function arg(i) { return ev(a[i], r); }
    switch (op) {
      case "$": return keys(get(r, str(arg(0))), a.slice(1), r);
      case ".": return keys(arg(0), a.slice(1), r);
      case "`": return a.map(function (p) { return str(ev(p, r)); }).join("");
      case "?": return truthy(arg(0)) ? arg(1) : arg(2);
      case "??": x = arg(0); return x != null ? x : arg(1);
      case "||": x = arg(0); return truthy(x) ? x : arg(1);
      case "&&": x = arg(0); return truthy(x) ? arg(1) : x;
      case "!": return !truthy(arg(0));
      case "==": return equal(arg(0), arg(1));
      case "!=": return !equal(arg(0), arg(1));
      case "~": return match(arg(0), str(arg(1)));
      case "!~": return !match(arg(0), str(arg(1)));
      case "{}":
        o = {};
        for (i = 0; i + 1 < a.length; i += 2) put(o, str(a[i]), arg(i + 1));
        return o;
      case "[]": return a.map(function (p) { return ev(p, r); });
      case "f": return fns[a[0]].apply(null, a.slice(1).map(function (p) { return ev(p, r); }));
    }
    x = num(arg(0)); y = num(arg(1));
    if (x == null || y == null) return op === "+" || op === "-" ? null : false;
    switch (op) {
      case "<": return x < y;
      case "<=": return x <= y;
      case ">": return x > y;
      case ">=": return x >= y;
      case "+": return x + y;
      case "-": return x - y;
    }
    throw new Error("unknown operation " + op);
  }

  function unescape(s) {
    s = s.replace(/\+/g, " ");
    try { return decodeURIComponent(s); } catch (e) { return s; }
  }

  function matchPath(pattern, path) {
    var params = {};
    if (pattern === "*") return params;
    var ps = pattern.split("/"), xs = path.split("/");
    if (ps.length !== xs.length) return null;
    for (var i = 0; i < ps.length; i++) {
      var p = ps[i];
      if (p.charAt(0) === "{" && p.charAt(p.length - 1) === "}") {
        if (!xs[i]) return null;
        put(params, p.slice(1, -1), unescape(xs[i]));
      } else if (p !== xs[i]) return null;
    }
    return params;
  }

  // Server is the example API with what it remembers, as Server in Go.
  function Server(model) {
    this.m = model;
    this.state = JSON.parse(JSON.stringify(model.state));
  }

  Server.prototype.preset = function (id) {
    return this.m.presets.filter(function (p) { return p.id === id; })[0];
  };

  // before sends the presets p comes after, and theirs first.
  Server.prototype.before = function (p, depth) {
    if (depth > this.m.presets.length) return;
    var self = this;
    (p.before || []).forEach(function (id) {
      var b = self.preset(id);
      if (b) { self.before(b, depth + 1); self.send(b.request); }
    });
  };

  Server.prototype.send = function (q) {
    var m = this.m, method = trim(q.method || "").toUpperCase() || "GET", target = trim(q.path || "");
    if (target.charAt(0) !== "/") target = "/" + target;
    var qi = target.indexOf("?"), path = qi < 0 ? target : target.slice(0, qi), raw = qi < 0 ? "" : target.slice(qi + 1);
    var body = q.body || "", lines = [method + " " + target + " HTTP/1.1", "Host: " + m.host];
    var header = {}, cookie = {}, query = {}, declared = "";
    function add(name, value) {
      lines.push(name + ": " + value);
      var k = name.toLowerCase(), old = get(header, k);
      put(header, k, old != null ? old + ", " + value : value);
    }
    (q.headers || "").split("\n").forEach(function (line) {
      var i = line.indexOf(":");
      if (i < 0) return;
      var name = trim(line.slice(0, i)), value = trim(line.slice(i + 1)), k = name.toLowerCase();
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || k === "host") return;
      if (k === "content-length") { declared = value; return; }
      add(name, value);
    });
    if (body !== "") add("Content-Length", String(bytes(body)));
    else if (declared !== "") add("Content-Length", declared);
    var req = lines.join("\n") + (body !== "" ? "\n\n" + body : "");
    str(get(header, "cookie")).split(";").forEach(function (part) {
      var i = part.indexOf("=");
      if (i >= 0 && trim(part.slice(0, i))) put(cookie, trim(part.slice(0, i)), trim(part.slice(i + 1)));
    });
    var auth = /^bearer +([^ ]+)$/i.exec(str(get(header, "authorization")));
    var parsed = null;
    if (trim(body)) { try { parsed = JSON.parse(body); } catch (e) { parsed = null; } }
    raw.split("&").forEach(function (part) {
      if (!part) return;
      var i = part.indexOf("=");
      put(query, unescape(i < 0 ? part : part.slice(0, i)), unescape(i < 0 ? "" : part.slice(i + 1)));
    });
    var r = {
      method: method, path: path, query: query, header: header, cookie: cookie, body: body, size: bytes(body),
      json: parsed, bearer: auth ? auth[1] : null, state: this.state, data: m.data, param: {}
    };
    var rule = this.match(path, method, r), self = this;
    (rule.set || []).forEach(function (s) { self.assign(s, r); });
    return this.respond(rule, method, req, r);
  };

  Server.prototype.match = function (path, method, r) {
    var routes = this.m.routes;
    for (var i = 0; i < routes.length; i++) {
      var params = matchPath(routes[i].path, path);
      if (!params) continue;
      r.param = params;
      var rules = routes[i].rules;
      for (var j = 0; j < rules.length; j++) {
        var u = rules[j];
        if (u.methods && u.methods.indexOf(method) < 0) continue;
        if ((u.when || []).every(function (c) { return truthy(ev(c, r)); })) return u;
      }
    }
    return { status: 500, reason: "The example API has no rule for this request." };
  };

  Server.prototype.assign = function (s, r) {
    var v = ev(s.v, r), o = this.state;
    for (var i = 0; i < s.p.length; i++) {
      var k = str(ev(s.p[i], r));
      if (i === s.p.length - 1) { put(o, k, v); return; }
      var n = get(o, k);
      if (!isObj(n)) { n = {}; put(o, k, n); }
      o = n;
    }
  };

  Server.prototype.respond = function (u, method, req, r) {
    var code = String(u.status), phrase = this.m.phrases[code] || "", body = null, problem = false;
    if (u.body != null) body = ev(u.body, r);
    if (body == null && u.status >= 400) {
      body = { title: phrase, status: u.status };
      var d = u.detail != null ? ev(u.detail, r) : null;
      if (d != null) body.detail = d;
      problem = true;
    }
    var text = "", has = false;
    if (typeof body === "string") { text = body; has = body !== ""; }
    else if (body != null) { text = JSON.stringify(body, null, 2); has = true; }
    var bodiless = u.status < 200 || u.status === 204 || u.status === 304;
    if (bodiless) has = false;
    var ctype = "", rest = [];
    (u.headers || []).forEach(function (h) {
      var v = ev(h.v, r);
      if (v == null) return;
      if (h.n.toLowerCase() === "content-type") ctype = str(v);
      else rest.push(h.n + ": " + str(v));
    });
    var lines = ["HTTP/1.1 " + code + " " + phrase];
    if (u.status >= 200) lines.push("Date: " + this.m.date);
    if (has) {
      if (!ctype) ctype = problem ? "application/problem+json" : typeof body === "string" ? "text/plain; charset=utf-8" : "application/json";
      lines.push("Content-Type: " + ctype, "Content-Length: " + bytes(text));
    } else if (!bodiless) {
      if (ctype) lines.push("Content-Type: " + ctype);
      lines.push("Content-Length: 0");
    }
    var resp = lines.concat(rest).join("\n") + (has && method !== "HEAD" ? "\n\n" + text : "");
    return { status: u.status, phrase: phrase, reason: str(ev(u.reason, r)), request: req, response: resp };
  };

  // ---- The builder's page.
  function initBuilder(box) {
    var form = doc.getElementById("rb-form"), $ = function (id) { return doc.getElementById(id); };
    var summary = $("rb-summary"), exchange = box.querySelector(".rb-exchange");
    var model = null, server = null, note = "";
    fetch(box.getAttribute("data-model")).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (m) {
      model = m;
      server = new Server(m);
      window.statusgenExampleAPI = { Server: Server, model: m }; // for the tests
      box.setAttribute("data-ready", "");
      fromHash();
    }, function () {
      summary.textContent = "The example API could not be loaded; the examples below still show every answer.";
    });

    function show(x) {
      summary.textContent = "";
      var code = doc.createElement("span");
      code.className = "num num-" + String(x.status).charAt(0);
      code.textContent = x.status;
      var link = doc.createElement("a");
      link.href = "/status/" + x.status + "/";
      link.textContent = x.phrase;
      summary.appendChild(code);
      summary.appendChild(doc.createTextNode(" "));
      summary.appendChild(link);
      summary.appendChild(doc.createTextNode(": " + x.reason + (note ? " " + note : "")));
      note = "";
      $("rb-request").textContent = x.request;
      $("rb-response").textContent = x.response;
      exchange.hidden = false;
      box.setAttribute("data-status", x.status);
    }
    function fill(q) {
      $("rb-method").value = q.method;
      $("rb-path").value = q.path;
      $("rb-headers").value = q.headers || "";
      $("rb-body").value = q.body || "";
    }
    // load resets the server, sends the requests the preset comes after,
    // and fills the form with it.
    function load(id) {
      var p = server && server.preset(id);
      if (!p) return false;
      server = new Server(model);
      server.before(p, 0);
      fill(p.request);
      $("rb-preset").value = id;
      // "search the posts, 5 times", as the examples below say it.
      var after = [];
      (p.before || []).forEach(function (b, i, all) {
        var t = server.preset(b).title, n = 1;
        if (i > 0 && all[i - 1] === b) return;
        while (all[i + n] === b) n++;
        after.push(t.charAt(0).toLowerCase() + t.slice(1) + (n > 1 ? ", " + n + " times" : ""));
      });
      note = "(The server was reset" + (after.length ? " and has answered, first: " + after.join("; ") : "") + ".)";
      return true;
    }
    function send() {
      if (!server) return;
      show(server.send({ method: $("rb-method").value, path: $("rb-path").value, headers: $("rb-headers").value, body: $("rb-body").value }));
    }
    function fromHash() {
      var m = /^#preset-([a-z0-9-]+)$/.exec(location.hash);
      if (m && load(m[1])) {
        send();
        box.scrollIntoView();
      }
    }
    $("rb-send").addEventListener("click", send);
    // Enter in the path sends, as in a form; Ctrl+Enter anywhere in it.
    form.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.target.id === "rb-path" || e.ctrlKey || e.metaKey)) { e.preventDefault(); send(); }
    });
    $("rb-preset").addEventListener("change", function () {
      if (load(this.value)) summary.textContent = "Loaded. " + note + " Press Send.";
      note = "";
    });
    $("rb-reset").addEventListener("click", function () {
      if (!model) return;
      server = new Server(model);
      summary.textContent = "The server was reset: it forgot every change and every request.";
    });
    doc.addEventListener("click", function (e) {
      var b = e.target.closest && e.target.closest("[data-preset]");
      if (!b || !load(b.getAttribute("data-preset"))) return;
      send();
      box.scrollIntoView({ behavior: "smooth" });
      $("rb-method").focus({ preventScroll: true });
    });
    window.addEventListener("hashchange", fromHash);
  }

  // ---- The chooser: answers load the next page in place, and the
  // address follows, so that every step can still be shared.
  function initChooser() {
    function swap(url, push) {
      return fetch(url).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.text();
      }).then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html");
        var main = next.querySelector("main"), crumbs = next.querySelector(".crumbs");
        if (!main || !next.querySelector("[data-chooser]")) throw new Error("not a chooser page");
        doc.querySelector("main").innerHTML = main.innerHTML;
        var old = doc.querySelector(".crumbs");
        if (old && crumbs) old.innerHTML = crumbs.innerHTML;
        doc.title = next.title;
        if (push) history.pushState({ chooser: true }, "", url);
        window.scrollTo(0, 0);
        var h = doc.querySelector("main h1");
        if (h) h.focus();
      });
    }
    doc.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a[href]");
      if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      var u = new URL(a.href, location.href);
      if (u.origin !== location.origin || !/^\/tools\/chooser\/([a-z0-9-]+\/)?$/.test(u.pathname) || u.hash) return;
      if (!a.closest("main, .crumbs")) return;
      e.preventDefault();
      swap(u.pathname, true).catch(function () { location.href = u.href; });
    });
    history.replaceState({ chooser: true }, "", location.href);
    window.addEventListener("popstate", function (e) {
      if (e.state && e.state.chooser) swap(location.pathname, false).catch(function () { location.reload(); });
    });
  }

  var box = doc.querySelector("[data-model]");
  if (box) initBuilder(box);
  if (doc.querySelector("[data-chooser]")) initChooser();
})();
