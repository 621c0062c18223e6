// The Burgernetapp's service worker (scope /app/): keeps the app's shell for offline use, shows push
// notifications, remembers on the phone which actions it was notified of, and opens an action on a tap.
// It never sees the phone's location.
const SHELL_CACHE = 'burgernet-shell-v1';
const FEED_CACHE = 'burgernet-feed-v1';
const SHELL = [
  '/app/',
  '/app/manifest.webmanifest',
  '/app/icons/icon.svg',
  '/app/icons/icon-192.png',
  '/app/gemeenten.geojson',
  '/static/site.css',
  '/static/app/app.css',
  '/static/app/app.js',
  '/static/app/action-card.js',
  '/static/app/area-map.js',
  '/static/app/device-store.js',
  '/static/app/geo.js',
  '/static/app/presence.js',
  '/static/vendor/leaflet/leaflet.js',
  '/static/vendor/leaflet/leaflet.css',
  '/static/vendor/h3/h3-js.es.js',
];
const FEED = '/app/v1/actions';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL_CACHE && k !== FEED_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached !== undefined) return cached;
    throw error;
  }
}

/** The cached copy at once (offline too), refreshed in the background so that a new version shows next time. */
function staleWhileRevalidate(event) {
  const refreshed = caches.open(SHELL_CACHE).then((cache) =>
    fetch(event.request).then((response) => {
      if (response.ok) return cache.put(event.request, response.clone()).then(() => response);
      return response;
    }),
  );
  event.waitUntil(refreshed.catch(() => undefined));
  return caches.match(event.request).then((cached) => cached ?? refreshed);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === FEED) return event.respondWith(networkFirst(request, FEED_CACHE));
  // The page itself: fresh when online (a new version of the app), the cached one offline.
  if (request.mode === 'navigate' && url.pathname === '/app/') return event.respondWith(networkFirst(request, SHELL_CACHE));
  if (SHELL.includes(url.pathname)) return event.respondWith(staleWhileRevalidate(event));
});

function openDeviceDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('burgernet', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('notified', { keyPath: 'actionId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function rememberNotified(actionId, type) {
  const db = await openDeviceDb();
  await new Promise((resolve, reject) => {
    const tx = db.transaction('notified', 'readwrite');
    tx.objectStore('notified').put({ actionId, type, at: new Date().toISOString() });
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
}

const TYPES = ['alert', 'update', 'closing', 'withdrawn'];
const ACTION_ID = /^[0-9a-f-]{36}$/;

self.addEventListener('push', (event) => {
  let payload = null;
  try {
    payload = event.data?.json() ?? null;
  } catch {
    payload = null;
  }
  if (payload === null || !TYPES.includes(payload.type) || !ACTION_ID.test(payload.actionId)) return;
  // Only our own pages are opened, whatever the payload says.
  const url = `/acties/${payload.actionId}`;
  event.waitUntil(
    Promise.all([
      rememberNotified(payload.actionId, payload.type).catch(() => undefined),
      self.registration.showNotification(String(payload.title ?? 'Burgernet'), {
        body: String(payload.body ?? ''),
        // One notification per action: an update or the end replaces the alert.
        tag: payload.actionId,
        renotify: payload.type === 'alert' || payload.type === 'update',
        icon: '/app/icons/icon-192.png',
        badge: '/app/icons/badge-96.png',
        lang: 'nl',
        data: { url, type: payload.type },
      }),
      self.clients.matchAll({ type: 'window' }).then((clients) => clients.forEach((c) => c.postMessage({ type: 'burgernet-push', actionId: payload.actionId }))),
    ]),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? '/app/', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
      const open = clients.find((c) => c.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
