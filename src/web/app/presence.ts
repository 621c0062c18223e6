// Push notifications and presence. The phone computes a coarse H3 cell (resolution 7, about 5 km²) from its
// location and sends only that, only when it changes (and now and then so the server does not forget it).
// The location itself never leaves this file's memory.
import { latLngToCell } from 'h3-js';
import { bytesFromBase64Url } from '../base64url.js';
import type { Point } from './app-page-data.js';
import { pushRegistration, savePushRegistration, type PushRegistration } from './device-store.js';

export const PRESENCE_RESOLUTION = 7;
const RESEND_MS = 10 * 60 * 1000;

let lastCell: string | null = null;
let lastSentAt = 0;

export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

export type NotificationsOutcome = 'on' | 'denied' | 'unavailable';

/** Asks for permission, subscribes at the browser's push service and registers the subscription. */
export async function enableNotifications(): Promise<NotificationsOutcome> {
  if (!pushSupported()) return 'unavailable';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  try {
    const worker = await navigator.serviceWorker.ready;
    const keyResponse = await fetch('/app/v1/push/vapid-public-key');
    if (!keyResponse.ok) return 'unavailable';
    const { publicKey } = (await keyResponse.json()) as { publicKey: string };
    const subscription =
      (await worker.pushManager.getSubscription()) ??
      (await worker.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: bytesFromBase64Url(publicKey),
      }));
    const json = subscription.toJSON();
    const response = await fetch('/app/v1/push/subscriptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subscription: { endpoint: json.endpoint, keys: { p256dh: json.keys?.p256dh, auth: json.keys?.auth } },
      }),
    });
    if (!response.ok) return 'unavailable';
    const registration = (await response.json()) as PushRegistration;
    savePushRegistration(registration);
    lastCell = null;
    return 'on';
  } catch {
    // Headless browsers and some privacy modes have no push service.
    return 'unavailable';
  }
}

export function notificationsOn(): boolean {
  return pushRegistration() !== null;
}

/** Tells the server the phone's cell, when it changed or is about to be forgotten; the point stays here. */
export async function reportPresence(point: Point): Promise<void> {
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
    // Offline: send it again next time.
    lastCell = null;
  }
}
