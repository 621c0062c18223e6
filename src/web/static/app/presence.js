// Push notifications and presence. The phone computes a coarse H3 cell (resolution 7, about 5 km²) from its
// location and sends only that, only when it changes (and now and then so the server does not forget it).
// The location itself never leaves this file's memory.
import { latLngToCell } from '/static/vendor/h3/h3-js.es.js';
import { pushRegistration, savePushRegistration } from './device-store.js';

export const PRESENCE_RESOLUTION = 7;
const RESEND_MS = 10 * 60 * 1000;

let lastCell = null;
let lastSentAt = 0;

function base64UrlToBytes(value) {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

export function pushSupported() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/**
 * Asks for permission, subscribes at the browser's push service and registers the subscription. Resolves to
 * 'on', 'denied' or 'unavailable'.
 */
export async function enableNotifications() {
  if (!pushSupported()) return 'unavailable';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  try {
    const worker = await navigator.serviceWorker.ready;
    const keyResponse = await fetch('/app/v1/push/vapid-public-key');
    if (!keyResponse.ok) return 'unavailable';
    const { publicKey } = await keyResponse.json();
    const subscription =
      (await worker.pushManager.getSubscription()) ??
      (await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(publicKey) }));
    const json = subscription.toJSON();
    const response = await fetch('/app/v1/push/subscriptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subscription: { endpoint: json.endpoint, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } } }),
    });
    if (!response.ok) return 'unavailable';
    savePushRegistration(await response.json());
    lastCell = null;
    return 'on';
  } catch {
    // Headless browsers and some privacy modes have no push service.
    return 'unavailable';
  }
}

export function notificationsOn() {
  return pushRegistration() !== null;
}

/** Tells the server the phone's cell, when it changed or is about to be forgotten; the point stays here. */
export async function reportPresence(point) {
  const registration = pushRegistration();
  if (registration === null) return;
  const cell = latLngToCell(point.lat, point.lon, PRESENCE_RESOLUTION);
  if (cell === lastCell && Date.now() - lastSentAt < RESEND_MS) return;
  lastCell = cell;
  lastSentAt = Date.now();
  try {
    const response = await fetch(`/app/v1/push/subscriptions/${encodeURIComponent(registration.id)}/presence`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Device ${registration.deviceToken}` },
      body: JSON.stringify({ cell }),
    });
    // The server no longer knows this subscription (expired, removed): forget it; the user can turn notifications on again.
    if (response.status === 401 || response.status === 403 || response.status === 404) savePushRegistration(null);
    else if (!response.ok) lastCell = null;
  } catch {
    lastCell = null;
  }
}
