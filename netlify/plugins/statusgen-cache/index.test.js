// Run with `node netlify/plugins/statusgen-cache/index.test.js`: the plugin
// restores the cache directory before the build and saves it after, the
// directory the build commands in netlify.toml pass to -cache.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const plugin = require('./index.js');

(async () => {
  const calls = [];
  const utils = {
    cache: {
      restore: async (p) => { calls.push(['restore', p]); return true; },
      save: async (p) => { calls.push(['save', p]); return true; },
    },
  };
  await plugin.onPreBuild({ utils });
  await plugin.onPostBuild({ utils });
  assert.deepStrictEqual(calls, [['restore', plugin.dir], ['save', plugin.dir]]);

  const toml = fs.readFileSync(path.join(__dirname, '../../../netlify.toml'), 'utf8');
  const commands = [...toml.matchAll(/^\s*command = "(.*)"$/gm)].map((m) => m[1]);
  assert.ok(commands.length >= 3, 'netlify.toml has its build commands');
  for (const c of commands) {
    assert.ok(c.includes(`-cache ${plugin.dir}`), `${c} does not build with -cache ${plugin.dir}`);
  }
  assert.match(toml, /package = "\.\/netlify\/plugins\/statusgen-cache"/);
  console.log('statusgen-cache plugin: ok');
})().catch((e) => { console.error(e); process.exit(1); });
