import type { Action } from '../action/action.js';
import { publicViewOf } from '../action/public-view.js';
import { assertNever } from '../assert-never.js';
import type { Catalogue } from '../messages/catalogue.js';

import type { PushKind } from './push-kind.js';

export type { PushKind } from './push-kind.js';

/** RFC 8030 §5.3: how urgently the push service should wake the phone (battery). */
export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high';

/** The JSON the service worker receives (encrypted) and shows as a notification. */
export interface PushPayload {
  readonly type: PushKind;
  readonly actionId: string;
  readonly title: string;
  readonly body: string;
  /** The action's public page, opened when the notification is tapped. */
  readonly url: string;
}

export interface PushDelivery {
  readonly urgency: PushUrgency;
  /** RFC 8030 TTL: how long the push service keeps it for a phone that is offline. */
  readonly ttlSeconds: number;
  /**
   * RFC 8030 Topic: a newer message with the same topic replaces one still waiting at the push service. Set
   * for updates and the end only, so that a waiting alert is never replaced.
   */
  readonly topic: string | null;
}

export const PUSH_BODY_MAX_LENGTH = 1_000;
const HOUR = 3_600;

/** The public page of an action: the app helper's page, and what a notification opens. */
export const actionPagePath = (actionId: string): string => `/acties/${actionId}`;

/**
 * The notification for one of the action's messages, or null when the meldkamer did not make the action public
 * (its page would show nothing, and a notification would publish what it withheld). An alert says what the
 * public page says (the public text, or the alert message, with the description or instructions); an update or
 * the end says its stored text (`messageText`).
 */
export function composePushPayload(
  kind: PushKind,
  action: Action,
  messageText: string,
  catalogue: Catalogue,
): PushPayload | null {
  const view = publicViewOf(action);
  if (view === null) return null;
  const body =
    kind === 'alert'
      ? [view.text ?? action.message, action.type === 'noodsituatie' ? view.instructions : view.description]
          .map((s) => s?.trim() ?? '')
          .filter((s) => s !== '')
          .join(' ')
      : messageText.trim();
  const payload = (text: string): PushPayload => ({
    type: kind,
    actionId: action.id,
    title: catalogue.push.title({ kind, type: action.type }),
    body: text,
    url: actionPagePath(action.id),
  });
  // Cut to a length, then further while the JSON is too large (characters JSON escapes, or UTF-8 takes several bytes for).
  let length = Math.min(body.length, PUSH_BODY_MAX_LENGTH);
  for (;;) {
    const candidate = payload(length < body.length ? `${[...body.slice(0, length)].slice(0, -1).join('')}…` : body);
    if (utf8Length(JSON.stringify(candidate)) <= PUSH_PAYLOAD_MAX_BYTES || length === 0) return candidate;
    length = Math.floor(length * 0.9);
  }
}

/** The payload's JSON stays below this, so that its encrypted body stays within the 4,096 bytes push services take. */
export const PUSH_PAYLOAD_MAX_BYTES = 3_000;

/** UTF-8 length without Buffer (the domain has no Node built-ins). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Alerts and everything of a priority action wake the phone at once; the end may wait for the phone to wake. */
export function pushDeliveryOf(kind: PushKind, action: Pick<Action, 'id' | 'priority'>): PushDelivery {
  const topic = action.id.replace(/-/g, '').slice(0, 32);
  switch (kind) {
    case 'alert':
      return { urgency: 'high', ttlSeconds: 2 * HOUR, topic: null };
    case 'update':
      return { urgency: action.priority > 0 ? 'high' : 'normal', ttlSeconds: 2 * HOUR, topic };
    case 'closing':
    case 'withdrawn':
      return { urgency: 'normal', ttlSeconds: 24 * HOUR, topic };
    default:
      return assertNever(kind);
  }
}

/** The kind of notification for a stored message of the action. */
export function pushKindOf(messageKind: 'alert' | 'update' | 'closing', action: Pick<Action, 'status'>): PushKind {
  if (messageKind === 'closing' && action.status === 'ingetrokken') return 'withdrawn';
  return messageKind;
}
