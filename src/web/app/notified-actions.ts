// The actions this phone was notified of, in IndexedDB: the service worker records them when a push message
// arrives, the app's start page lists them. Runs in both (no window, no localStorage).

const DB_NAME = 'burgernet';
const NOTIFIED = 'notified';

export interface NotifiedAction {
  readonly actionId: string;
  readonly type: string;
  readonly at: string;
}

function openDeviceDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(NOTIFIED, { keyPath: 'actionId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open'));
  });
}

export async function notifiedActions(): Promise<NotifiedAction[]> {
  const db = await openDeviceDb();
  return new Promise((resolve, reject) => {
    const request = db.transaction(NOTIFIED).objectStore(NOTIFIED).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('getAll'));
  });
}

export async function rememberNotified(actionId: string, type: string): Promise<void> {
  const db = await openDeviceDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(NOTIFIED, 'readwrite');
    const entry: NotifiedAction = { actionId, type, at: new Date().toISOString() };
    tx.objectStore(NOTIFIED).put(entry);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('put'));
  });
}
