// What the app keeps on the phone (and only there): the actions it was notified of, its push registration,
// and a random id that lets the server count its tips. Never its location.

const DB_NAME = 'burgernet';
const NOTIFIED = 'notified';
const PUSH_KEY = 'burgernet.push';
const DEVICE_KEY = 'burgernet.apparaat';

/** The IndexedDB database the service worker writes notified actions to. */
export function openDeviceDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(NOTIFIED, { keyPath: 'actionId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Every action this phone was notified of: { actionId, type, at }. */
export async function notifiedActions() {
  const db = await openDeviceDb();
  return new Promise((resolve, reject) => {
    const request = db.transaction(NOTIFIED).objectStore(NOTIFIED).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function rememberNotified(actionId, type) {
  const db = await openDeviceDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(NOTIFIED, 'readwrite');
    tx.objectStore(NOTIFIED).put({ actionId, type, at: new Date().toISOString() });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

export async function forgetNotified(actionId) {
  const db = await openDeviceDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(NOTIFIED, 'readwrite');
    tx.objectStore(NOTIFIED).delete(actionId);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/** { id, deviceToken } of this phone's push subscription, or null. */
export function pushRegistration() {
  try {
    const value = JSON.parse(localStorage.getItem(PUSH_KEY) ?? 'null');
    return value && typeof value.id === 'string' && typeof value.deviceToken === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function savePushRegistration(registration) {
  if (registration === null) localStorage.removeItem(PUSH_KEY);
  else localStorage.setItem(PUSH_KEY, JSON.stringify({ id: registration.id, deviceToken: registration.deviceToken }));
}

export function deviceId() {
  let id = localStorage.getItem(DEVICE_KEY);
  if (id === null) {
    id = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}
