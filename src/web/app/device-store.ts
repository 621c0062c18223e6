// What the app keeps in the phone's localStorage (and only there): its push registration, and a random id that
// lets the server count its tips. Never its location.

const PUSH_KEY = 'burgernet.push';
const DEVICE_KEY = 'burgernet.apparaat';

export interface PushRegistration {
  readonly id: string;
  readonly deviceToken: string;
}

/** This phone's push subscription as the server registered it, or null. */
export function pushRegistration(): PushRegistration | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(PUSH_KEY) ?? 'null');
    return typeof value === 'object' &&
      value !== null &&
      'id' in value &&
      'deviceToken' in value &&
      typeof value.id === 'string' &&
      typeof value.deviceToken === 'string'
      ? { id: value.id, deviceToken: value.deviceToken }
      : null;
  } catch {
    // Not JSON (written by something else): as if there were none.
    return null;
  }
}

export function savePushRegistration(registration: PushRegistration | null): void {
  if (registration === null) localStorage.removeItem(PUSH_KEY);
  else localStorage.setItem(PUSH_KEY, JSON.stringify({ id: registration.id, deviceToken: registration.deviceToken }));
}

export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (id === null) {
    id = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}
