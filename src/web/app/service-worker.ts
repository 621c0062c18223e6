// The Burgernetapp's service worker (scope /app/, served at /app/sw.js): keeps the app's shell for offline use,
// shows push notifications, remembers on the phone which actions it was notified of, and opens an action on a
// tap. It never sees the phone's location. The list of actions is not cached here: the app keeps its last answer
// itself, with the time it got it (device-store.ts), so that an old list is never shown as a fresh one.
import { rememberNotified } from './notified-actions.js';

declare const self: ServiceWorkerGlobalScope;

const SHELL_CACHE = 'burgernet-shell-v3';
const SHELL = [
  '/app/',
  '/app/manifest.webmanifest',
  '/app/icons/icon.svg',
  '/app/icons/icon-192.png',
  '/app/gemeenten.geojson',
  '/static/site.css',
  '/static/app/app.css',
  '/static/app/app.js',
  '/static/vendor/leaflet/leaflet.js',
  '/static/vendor/leaflet/leaflet.css',
  '/static/vendor/h3/h3-js.es.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        // Older shells, and the list of actions that earlier versions kept here.
        Promise.all(keys.filter((k) => k !== SHELL_CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
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
function staleWhileRevalidate(event: FetchEvent): Promise<Response> {
  const refreshed = caches.open(SHELL_CACHE).then((cache) =>
    fetch(event.request).then((response) => {
      if (response.ok) return cache.put(event.request, response.clone()).then(() => response);
      return response;
    }),
  );
  // Offline, the refresh fails and the cached copy stands.
  event.waitUntil(refreshed.catch(() => undefined));
  return caches.match(event.request).then((cached) => cached ?? refreshed);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The page itself: fresh when online (a new version of the app), the cached one offline.
  if (request.mode === 'navigate' && url.pathname === '/app/') return event.respondWith(networkFirst(request));
  if (SHELL.includes(url.pathname)) return event.respondWith(staleWhileRevalidate(event));
});

const PUSH_TYPES = ['alert', 'update', 'closing', 'withdrawn'] as const;
type PushType = (typeof PUSH_TYPES)[number];
const ACTION_ID = /^[0-9a-f-]{36}$/;

/** A push message as the server sends it (src/domain/push/push-notification.ts); anything else is ignored. */
interface PushPayload {
  readonly type: PushType;
  readonly actionId: string;
  readonly title?: unknown;
  readonly body?: unknown;
}

function pushPayloadOf(data: PushMessageData | null): PushPayload | null {
  let payload: unknown;
  try {
    payload = data?.json() ?? null;
  } catch {
    // Not JSON: not ours.
    return null;
  }
  if (typeof payload !== 'object' || payload === null || !('type' in payload) || !('actionId' in payload)) return null;
  const { type, actionId } = payload;
  const known = PUSH_TYPES.find((t) => t === type);
  if (known === undefined || typeof actionId !== 'string' || !ACTION_ID.test(actionId)) return null;
  return { ...payload, type: known, actionId };
}

self.addEventListener('push', (event) => {
  const payload = pushPayloadOf(event.data);
  if (payload === null) return;
  // Only our own pages are opened, whatever the payload says.
  const url = `/acties/${payload.actionId}`;
  // `renotify` is not in TypeScript's NotificationOptions (not every browser has it); Chromium and Firefox do.
  const options: NotificationOptions & { readonly renotify: boolean } = {
    body: typeof payload.body === 'string' ? payload.body : '',
    // One notification per action: an update or the end replaces the alert.
    tag: payload.actionId,
    renotify: payload.type === 'alert' || payload.type === 'update',
    icon: '/app/icons/icon-192.png',
    badge: '/app/icons/badge-96.png',
    lang: 'nl',
    data: { url, type: payload.type },
  };
  event.waitUntil(
    Promise.all([
      // Not being able to record it (storage full, private mode) must not keep the notification from showing.
      rememberNotified(payload.actionId, payload.type).catch(() => undefined),
      self.registration.showNotification(typeof payload.title === 'string' ? payload.title : 'Burgernet', options),
      self.clients
        .matchAll({ type: 'window' })
        .then((clients) =>
          clients.forEach((c) => c.postMessage({ type: 'burgernet-push', actionId: payload.actionId })),
        ),
    ]),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: string } | null;
  const url = new URL(data?.url ?? '/app/', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
      const open = clients.find((c) => c.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
