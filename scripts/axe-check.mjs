#!/usr/bin/env node
// axe-check.mjs: check every HTML page of a built statusgen site in headless
// Chromium with axe-core.
//
// Usually run by scripts/validate-html.sh, which installs the modules. Alone:
//
//   node scripts/axe-check.mjs --modules DIR [--chromium PATH] [--jobs N]
//        [--skip-nojs] [--sample] [--verbose] [SITE_DIR]
//
// --sample checks a representative page of every kind instead of every page
// (see sample below); CI runs the sample, and the full set on a schedule.
//
// DIR holds node_modules/ with axe-core and puppeteer-core (puppeteer-core
// downloads no browser: Debian's `chromium` package is used, or --chromium,
// or $CHROMIUM). SITE_DIR defaults to public/.
//
// Each page is loaded once at phone size (390x844) and checked in the light
// and the dark colour scheme, then resized to desktop (1280x900) and checked
// in both schemes again. Then it is loaded once more with its scripts
// stubbed out (what a reader without JavaScript gets) and checked at phone
// size in both schemes. A page fails on:
//   - any axe violation (axe's default rules: WCAG 2.x A and AA and best
//     practices);
//   - sideways scrolling of the page itself at either size;
//   - any request to a host other than the local server (each is blocked);
//   - a script error;
//   - tabbed examples that do not work: with the script, one panel shown and
//     a tab per panel; without it, every panel shown under its label.
// axe's "needs review" results are counted, not failed (they are mostly text
// over a table scrolled out of view, which axe cannot measure).
//
// The site is served by a small static server on 127.0.0.1 (a port the OS
// picks), like the host: /dir/ serves /dir/index.html, other misses get
// 404.html with status 404.
//
// Exit status: 0 when everything passed, 1 on any failure, 2 on a usage or
// setup error. The last line printed is a one-line summary.

import { createRequire } from "node:module";
import { createServer } from "node:http";
import { readFile, readdir, stat, mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// isMobile stays false: changing it makes Chromium reload the page, and with
// the pages' width=device-width viewport the layout is the same.
const PHONE = { name: "phone", width: 390, height: 844, deviceScaleFactor: 1 };
const DESKTOP = { name: "desktop", width: 1280, height: 900, deviceScaleFactor: 1 };
const SCHEMES = ["light", "dark"];

function usage(msg) {
  if (msg) console.error(`axe-check: ${msg}`);
  console.error("usage: node scripts/axe-check.mjs --modules DIR [--chromium PATH] [--jobs N] [--skip-nojs] [--verbose] [SITE_DIR]");
  process.exit(2);
}

function parseArgs(argv) {
  const o = {
    modules: process.env.AXE_CHECK_MODULES || "", chromium: process.env.CHROMIUM || "",
    jobs: 2, nojs: true, verbose: false, dir: "public",
  };
  let dirSet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { if (i + 1 >= argv.length) usage(`${a} needs a value`); return argv[++i]; };
    if (a === "--modules") o.modules = val();
    else if (a === "--chromium") o.chromium = val();
    else if (a === "--jobs") o.jobs = Math.max(1, parseInt(val(), 10) || 1);
    else if (a === "--skip-nojs") o.nojs = false;
    else if (a === "--sample") o.sample = true;
    else if (a === "--verbose" || a === "-v") o.verbose = true;
    else if (a === "-h" || a === "--help") usage();
    else if (a.startsWith("-")) usage(`unknown flag ${a}`);
    else if (!dirSet) { o.dir = a; dirSet = true; }
    else usage(`unexpected argument ${a}`);
  }
  if (!o.modules) usage("--modules DIR (or $AXE_CHECK_MODULES) is required");
  if (!o.chromium) {
    o.chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p)) || "";
    if (!o.chromium) usage("no Chromium found: apt-get install -y chromium, or pass --chromium PATH");
  }
  return o;
}

// htmlFiles lists every .html file under dir, as site-relative paths.
async function htmlFiles(dir, rel = "") {
  const out = [];
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await htmlFiles(dir, r)));
    else if (e.name.endsWith(".html")) out.push(r);
  }
  return out.sort();
}

// SAMPLE_CODES are the code pages the sample always includes when they
// exist: one of each shape a code page takes (tabs, tables, a visitor box, an
// "also known as" name, unofficial, deprecated, the longest).
const SAMPLE_CODES = ["103", "206", "306", "404", "418", "429", "499", "502", "520"];

// sample picks a representative page of every kind: every page that is not a
// code or concept page (home, indexes, class pages, 404, tools, API), the
// first code page of each class, the SAMPLE_CODES, and two concept pages.
function sample(files) {
  const code = /^status\/([0-9]{3})\/index\.html$/;
  const concept = /^concepts\/[^/]+\/index\.html$/;
  const firstOfClass = new Map();
  const concepts = [];
  const out = new Set();
  for (const f of files) {
    const m = code.exec(f);
    if (m) {
      if (!firstOfClass.has(m[1][0])) firstOfClass.set(m[1][0], f);
      if (SAMPLE_CODES.includes(m[1])) out.add(f);
    } else if (concept.test(f)) {
      concepts.push(f);
    } else {
      out.add(f);
    }
  }
  for (const f of firstOfClass.values()) out.add(f);
  for (const f of concepts.slice(0, 2)) out.add(f);
  return [...out].sort();
}

// urlPath is the URL path a file is served at: a/index.html -> /a/.
function urlPath(file) {
  if (file === "index.html") return "/";
  if (file.endsWith("/index.html")) return "/" + file.slice(0, -"index.html".length);
  return "/" + file;
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml", ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
  ".png": "image/png", ".ico": "image/x-icon", ".webmanifest": "application/manifest+json",
};

function serve(root) {
  const server = createServer(async (req, res) => {
    let p;
    try { p = decodeURIComponent(new URL(req.url, "http://x").pathname); } catch { p = "/"; }
    let file = path.join(root, path.posix.normalize(p));
    if (file !== root && !file.startsWith(root + path.sep)) file = root;
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      let body = "not found";
      try { body = await readFile(path.join(root, "404.html")); } catch { /* none */ }
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
      res.end(body);
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

// inPage runs in the page: axe, the page's own sideways overflow, and the
// state of the tabbed examples.
async function inPage(width) {
  /* global axe */
  const r = await axe.run(document, { resultTypes: ["violations", "incomplete"] });
  const slim = (list) => list.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary || "" })),
  }));
  const shown = (el) => !!el && !el.closest("[hidden]") && el.getClientRects().length > 0;
  const tabs = [...document.querySelectorAll(".tabs")].map((g) => {
    const panels = [...g.querySelectorAll(".tab-panel")];
    return {
      id: g.id,
      panels: panels.length,
      shownPanels: panels.filter(shown).length,
      shownLabels: panels.filter((p) => shown(p) && shown(p.querySelector(".tab-label")) && p.querySelector(".tab-label").textContent.trim()).length,
      tabs: g.querySelectorAll('[role="tab"]').length,
    };
  });
  return {
    violations: slim(r.violations),
    incomplete: slim(r.incomplete),
    overflow: document.documentElement.scrollWidth - width,
    tabs,
  };
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const root = path.resolve(opt.dir);
  if (!existsSync(root)) usage(`no site directory ${root}: build the site first`);
  const req = createRequire(path.join(path.resolve(opt.modules), "package.json"));
  let puppeteer, axePath;
  try {
    puppeteer = req("puppeteer-core");
    axePath = req.resolve("axe-core/axe.min.js");
  } catch (e) {
    usage(`cannot load axe-core and puppeteer-core from ${opt.modules}: ${e.message}`);
  }
  const axeVersion = req("axe-core/package.json").version;
  const axeSource = await readFile(axePath, "utf8");

  const all = await htmlFiles(root);
  if (all.length === 0) usage(`no .html files under ${root}`);
  const files = opt.sample ? sample(all) : all;
  if (opt.sample) console.log(`sample: ${files.length} of ${all.length} pages, every kind of page`);
  const server = await serve(root);
  const origin = `http://127.0.0.1:${server.address().port}`;

  const profile = await mkdtemp(path.join(tmpdir(), "axe-check-chromium-"));
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: opt.chromium,
      headless: true,
      userDataDir: profile,
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
        "--disable-default-apps", "--mute-audio", "--hide-scrollbars"],
    });
  } catch (e) {
    server.close();
    await rm(profile, { recursive: true, force: true }).catch(() => {});
    console.error(`axe-check: cannot start ${opt.chromium}: ${e.message}`);
    process.exit(2);
  }

  let runs = 0, failed = 0, violations = 0, elements = 0, incomplete = 0, offsite = 0, overflows = 0, other = 0;
  const badPages = new Set();
  const fail = (page, mode, text) => {
    failed++;
    badPages.add(page);
    console.log(`FAIL ${page} [${mode}] ${text}`);
  };

  // check runs inPage and reports what it finds.
  async function check(page, u, mode, vp, withJS, checkLayout) {
    const res = await page.evaluate(inPage, vp.width);
    runs++;
    for (const v of res.violations) {
      violations++;
      elements += v.nodes.length;
      const list = v.nodes.slice(0, 5).map((n) => `\n      ${n.target}${n.summary ? "\n        " + n.summary.replace(/\n/g, "\n        ") : ""}`).join("");
      const more = v.nodes.length > 5 ? `\n      ... and ${v.nodes.length - 5} more` : "";
      fail(u, mode, `axe ${v.id} (${v.impact}, ${v.nodes.length} elements): ${v.help}${list}${more}`);
    }
    incomplete += res.incomplete.reduce((sum, v) => sum + v.nodes.length, 0);
    if (opt.verbose) {
      for (const v of res.incomplete) console.log(`note ${u} [${mode}] needs review: ${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
    }
    if (!checkLayout) return;
    if (res.overflow > 0) {
      overflows++;
      fail(u, mode, `the page scrolls sideways by ${res.overflow}px at ${vp.width}px wide`);
    }
    for (const t of res.tabs) {
      const ok = withJS
        ? t.tabs === t.panels && t.shownPanels === 1
        : t.tabs === 0 && t.shownPanels === t.panels && t.shownLabels === t.panels;
      if (!ok) {
        other++;
        fail(u, mode, `tabbed example #${t.id}: ${t.panels} panels, ${t.shownPanels} shown, ${t.shownLabels} labels shown, ${t.tabs} tabs`);
      }
    }
  }

  const queue = files.map(urlPath);
  async function worker() {
    const page = await browser.newPage();
    // Every page is checked as the server sends it: the site's service
    // worker must not answer (it would serve cached scripts to the
    // no-JavaScript pass).
    await page.setBypassServiceWorker(true);
    // axe goes into every document before the page's own scripts run, which
    // is cheaper than injecting it after each load.
    await page.evaluateOnNewDocument(axeSource);
    await page.setRequestInterception(true);
    let current = "";
    let scripts = true;
    page.on("request", (r) => {
      const u = r.url();
      if (u.startsWith(origin + "/")) {
        if (!scripts && r.resourceType() === "script") {
          return r.respond({ status: 200, contentType: "text/javascript", body: "" });
        }
        return r.continue();
      }
      if (u.startsWith("data:") || u === "about:blank") return r.continue();
      offsite++;
      fail(current, "any", `request to another host (blocked): ${u}`);
      return r.abort("blockedbyclient");
    });
    page.on("pageerror", (err) => { other++; fail(current, "any", `script error: ${err.message}`); });
    const load = async (u, vp) => {
      await page.setViewport(vp);
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: SCHEMES[0] }]);
      const resp = await page.goto(origin + u, { waitUntil: "load", timeout: 30000 });
      const want = u === "/404.html" ? [200, 404] : [200];
      if (!resp || !want.includes(resp.status())) { other++; fail(u, "any", `HTTP ${resp ? resp.status() : "no response"}`); }
    };
    while (queue.length) {
      const u = queue.shift();
      current = u;
      const t0 = Date.now();
      try {
        scripts = true;
        await load(u, PHONE);
        for (const vp of [PHONE, DESKTOP]) {
          if (vp !== PHONE) {
            await page.setViewport(vp);
            // let the page's resize handlers (site.js debounces) settle
            await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
          }
          for (const scheme of SCHEMES) {
            await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
            await check(page, u, `${scheme} ${vp.name}`, vp, true, scheme === SCHEMES[0]);
          }
        }
        if (opt.nojs) {
          scripts = false;
          await load(u, PHONE);
          for (const scheme of SCHEMES) {
            await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
            await check(page, u, `${scheme} phone, no JavaScript`, PHONE, false, scheme === SCHEMES[0]);
          }
        }
      } catch (e) {
        other++;
        fail(u, "any", `could not check: ${e.message}`);
      }
      if (opt.verbose) console.log(`checked ${u} (${Date.now() - t0} ms)`);
    }
    await page.close();
  }

  const t0 = Date.now();
  try {
    await Promise.all(Array.from({ length: Math.min(opt.jobs, queue.length) }, worker));
  } finally {
    await browser.close().catch(() => {});
    server.close();
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  const ok = failed === 0;
  console.log(`axe ${axeVersion}: ${files.length} pages, ${runs} runs, ${violations} violations (${elements} elements), ` +
    `${overflows} sideways overflows, ${offsite} off-site requests, ${other} other failures, ` +
    `${incomplete} needing review; ${badPages.size} pages failed, ${secs}s: ${ok ? "OK" : "FAILED"}`);
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(`axe-check: ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});
