// Registers the service worker (/sw.js) that keeps the pages a reader has
// opened readable offline. Without it, or without JavaScript, the site
// works the same online.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").catch(function () {
      // Private windows and some browsers refuse: the site still works.
    });
  });
})();
