import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { decryptPushBody } from './aes128gcm-decrypt.js';

/** A named way for the push service to answer a subscription's messages (as Jasmin's SMSC peers fail). */
export type PushServiceFault =
  /** 410: the phone unsubscribed or the subscription expired. */
  | { readonly kind: 'gone' }
  /** 404: the push service does not know the subscription. */
  | { readonly kind: 'not-found' }
  /** 429 with Retry-After for the next `times` messages, then normal. */
  | { readonly kind: 'throttled'; readonly times: number; readonly retryAfterSeconds: number }
  /** 500 for the next `times` messages, then normal. */
  | { readonly kind: 'server-error'; readonly times: number };

/** What a browser's PushManager.subscribe() hands the page: PushSubscription.toJSON(). */
export interface PushSubscriptionJson {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

export interface ReceivedPush {
  readonly subscriptionId: string;
  readonly receivedAt: Date;
  /** The decrypted JSON text, or null when this message was not decrypted (see the decrypt option). */
  readonly plaintext: string | null;
  readonly decryptError: string | null;
  readonly ttl: number;
  readonly urgency: string;
  readonly topic: string | null;
  /** The VAPID JWT that came with it. */
  readonly vapidToken: string;
}

interface Phone {
  readonly id: string;
  readonly label: string | null;
  readonly privateKey: Buffer;
  readonly publicKey: Buffer;
  readonly authSecret: Buffer;
  /** PushManager.subscribe({ applicationServerKey }): only that VAPID key may send to it. */
  readonly applicationServerKey: string | null;
  fault: PushServiceFault | null;
  readonly messages: ReceivedPush[];
}

/** How many messages each phone keeps (the demo lists them); older ones are dropped. */
const KEPT_PER_PHONE = 50;

/** The phones of the local push service: their keys, faults and what they received. */
export class SimulatedPhones {
  readonly #phones = new Map<string, Phone>();

  create(
    origin: string,
    options: { readonly label?: string; readonly applicationServerKey?: string } = {},
  ): { readonly id: string; readonly subscription: PushSubscriptionJson } {
    const ecdh = createECDH('prime256v1');
    const publicKey = ecdh.generateKeys();
    const phone: Phone = {
      id: randomUUID(),
      label: options.label ?? null,
      privateKey: ecdh.getPrivateKey(),
      publicKey,
      authSecret: randomBytes(16),
      applicationServerKey: options.applicationServerKey ?? null,
      fault: null,
      messages: [],
    };
    this.#phones.set(phone.id, phone);
    return { id: phone.id, subscription: this.subscriptionOf(origin, phone) };
  }

  subscriptionOf(origin: string, phone: Phone): PushSubscriptionJson {
    return {
      endpoint: `${origin}/push/${phone.id}`,
      keys: { p256dh: phone.publicKey.toString('base64url'), auth: phone.authSecret.toString('base64url') },
    };
  }

  get(id: string): Phone | undefined {
    return this.#phones.get(id);
  }

  list(): readonly Phone[] {
    return [...this.#phones.values()];
  }

  get size(): number {
    return this.#phones.size;
  }

  /** Decrypts as the phone would; keeps the message when asked to. */
  receive(
    phone: Phone,
    push: Omit<ReceivedPush, 'plaintext' | 'decryptError' | 'subscriptionId'>,
    body: Buffer,
    decrypt: boolean,
    keep: boolean,
  ): ReceivedPush {
    let plaintext: string | null = null;
    let decryptError: string | null = null;
    if (decrypt) {
      try {
        plaintext = decryptPushBody(body, phone).toString('utf8');
      } catch (error) {
        decryptError = error instanceof Error ? error.message : String(error);
      }
    }
    const received: ReceivedPush = { ...push, subscriptionId: phone.id, plaintext, decryptError };
    if (keep) {
      phone.messages.push(received);
      if (phone.messages.length > KEPT_PER_PHONE) phone.messages.shift();
    }
    return received;
  }
}
