// Service worker: Clientele works offline once loaded. The post-build hook prepends VERSION
// and ASSETS (every file of the build, hashed names included), so each build gets a new cache
// and the old one is removed on activation. No request is ever sent to another origin.

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(VERSION)
      // `reload` bypasses the HTTP cache: the worker's files keep their names across builds.
      .then((cache) => cache.addAll(ASSETS.map((path) => new Request(new URL(path, self.registration.scope).href, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== VERSION).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  // Every page of the app is the same index.html (client-side routing), deep links included.
  const lookup = request.mode === "navigate"
    ? caches.match(new URL("index.html", self.registration.scope).href)
    : caches.match(request);
  event.respondWith(lookup.then((cached) => cached || fetch(request)));
});
