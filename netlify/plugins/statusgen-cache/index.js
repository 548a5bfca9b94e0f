// Keeps statusgen's build cache (highlighted code, rendered Markdown and
// pages, and the manifest of the last output) between Netlify builds, with
// Netlify's own cache utility (@netlify/cache-utils, given to plugins as
// utils.cache). statusgen checks every entry and ignores one it cannot
// trust, so a stale or damaged cache only makes a build slower.
const dir = '.statusgen-cache';

module.exports = {
  dir,
  async onPreBuild({ utils }) {
    if (await utils.cache.restore(dir)) {
      console.log(`statusgen-cache: restored ${dir}`);
    }
  },
  async onPostBuild({ utils }) {
    if (await utils.cache.save(dir)) {
      console.log(`statusgen-cache: saved ${dir}`);
    }
  },
};
