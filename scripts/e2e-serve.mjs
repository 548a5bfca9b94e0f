// e2e-serve.mjs: drives a real browser against `statusgen serve` the way a
// contributor works: open a page, scroll, save an edit, see it appear with
// the scroll position kept; break the frontmatter, see the error overlay;
// fix it, see the page again.
//
//   node scripts/e2e-serve.mjs MODULES_DIR URL SRC_DIR
//
// MODULES_DIR holds puppeteer-core (scripts/validate-html.sh installs it);
// URL is the server's address; SRC_DIR the site it serves, which this
// script edits.
import { createRequire } from 'module';
import fs from 'fs';
import os from 'os';
import path from 'path';

const [modules, base, src] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'noop.js'));
const puppeteer = require('puppeteer-core');

const fail = (msg) => { console.error('e2e-serve: FAIL: ' + msg); process.exit(1); };
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'statusgen-e2e-')),
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '/status/409/', { waitUntil: 'load' });
  await page.evaluate(() => window.scrollTo(0, 1500));
  await new Promise((r) => setTimeout(r, 300));

  const file = path.join(src, 'content/status/409.md');
  const orig = fs.readFileSync(file, 'utf8');
  const t0 = Date.now();
  fs.writeFileSync(file, orig.replace('## What it means\n', '## What it means\n\nLive edit marker.\n'));
  await page.waitForFunction(() => document.body.innerText.includes('Live edit marker.'), { timeout: 10000 })
    .catch(() => fail('the edit did not appear in the open page'));
  const shown = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 500));
  const y = await page.evaluate(() => window.scrollY);
  if (Math.abs(y - 1500) > 200) fail(`scroll position not kept: ${y}`);

  fs.writeFileSync(file, orig.replace(/^title: .*$/m, 'title: [Conflict'));
  await page.waitForSelector('.statusgen-overlay', { timeout: 10000 })
    .catch(() => fail('no error overlay after breaking the frontmatter'));
  const overlay = await page.$eval('.statusgen-overlay', (e) => e.innerText);
  if (!overlay.includes('content/status/409.md:')) fail('overlay does not name the file: ' + overlay);
  if (!(await page.evaluate(() => document.body.innerText.includes('Live edit marker.')))) fail('last good page not kept under the overlay');

  fs.writeFileSync(file, orig);
  await page.waitForFunction(() => !document.querySelector('.statusgen-overlay') && !document.body.innerText.includes('Live edit marker.'), { timeout: 10000 })
    .catch(() => fail('overlay did not clear after the fix'));
  if (errors.length) fail('script errors: ' + errors.join('; '));
  console.log(`e2e-serve: edit shown in ${shown} ms with scroll kept; error overlay shown and cleared: OK`);
} finally {
  await browser.close();
}
