// What the app keeps in the phone's localStorage (and only there): its push registration, a random id that
// lets the server count its tips, and the last list of actions it got (the same public list everyone gets, shown
// when it cannot get a fresh one). Never its location.
import type { PublicAction } from './app-page-data.js';

const PUSH_KEY = 'burgernet.push';
const DEVICE_KEY = 'burgernet.apparaat';
const ACTIONS_KEY = 'burgernet.acties';

/** The last list of actions the server gave, and when the app got it. */
export interface KnownActions {
  readonly at: Date;
  readonly actions: readonly PublicAction[];
}

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

/** The last list the app got, or null (never fetched here, or storage unavailable). */
export function lastKnownActions(): KnownActions | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(ACTIONS_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null || !('at' in value) || !('actions' in value)) return null;
    const at = new Date(typeof value.at === 'string' ? value.at : Number.NaN);
    if (Number.isNaN(at.getTime()) || !Array.isArray(value.actions)) return null;
    // Written by this app from the server's answer: its shape is the API's.
    return { at, actions: value.actions as PublicAction[] };
  } catch {
    // Not JSON, or no storage (some private modes): nothing known.
    return null;
  }
}

/** Keeps this list as the last one (the public feed only: it holds nothing about the phone). */
export function saveKnownActions(known: KnownActions): void {
  try {
    localStorage.setItem(ACTIONS_KEY, JSON.stringify({ at: known.at.toISOString(), actions: known.actions }));
  } catch {
    // Storage full or unavailable: the app still works, only not with the list when offline.
  }
}
