// statusgen service worker: keeps the site readable offline.
//
// The build publishes this file as /sw.js, after two lines it writes itself:
//   var VERSION = "...";  a hash of every other file of the build
//   var SHELL = [...];    the pages and assets every visit needs
// so each deploy is a new worker with a cache of its own. A new worker takes
// over as soon as it is installed and deletes the caches of older ones.
//
// Pages and data come from the network first, and each answer is kept for
// later; offline, a kept copy is served, and a page never visited gets the
// offline page. Fingerprinted assets never change under one name, so the
// kept copy is served first. No library: the site's CSP allows only
// scripts from its own origin, and this is all it takes.

var PREFIX = "statusgen-";
var CACHE = PREFIX + VERSION;
var OFFLINE = "/offline/";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE)
      .then(function (cache) { return cache.addAll(SHELL); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (keys) {
        return Promise.all(keys.filter(function (k) {
          return k.indexOf(PREFIX) === 0 && k !== CACHE;
        }).map(function (k) { return caches.delete(k); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

// keep fetches a request and stores a copy of a complete, same-origin
// answer.
function keep(event, request) {
  return fetch(request).then(function (response) {
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(request, copy); }));
    }
    return response;
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  // Other origins, and the preview server's own live-reload endpoints.
  if (url.origin !== self.location.origin || url.pathname.indexOf("/_statusgen/") === 0) return;

  if (url.pathname.indexOf("/assets/") === 0) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || keep(event, request);
    }));
    return;
  }
  event.respondWith(keep(event, request).catch(function () {
    return caches.match(request, { ignoreSearch: true }).then(function (hit) {
      if (hit) return hit;
      if (request.mode === "navigate") return caches.match(OFFLINE);
      return Response.error();
    });
  }));
});
