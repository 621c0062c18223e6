/** A phone that asked for notifications. Deliberately without any location, and without a link to actions. */
export interface PushSubscriptionRecord {
  readonly id: string;
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
  /** SHA-256 of the device token; the token itself stays on the phone. */
  readonly tokenHash: string;
  readonly createdAt: Date;
  /** The day (not the moment) the phone last spoke to us: no activity trail beyond that. */
  readonly lastSeenOn: string;
}

export interface PushSubscriptionRepository {
  /**
   * Stores it. A subscription with the same endpoint (the phone subscribed again) is replaced, old id and token
   * included; its id is returned.
   */
  saveSubscription(subscription: PushSubscriptionRecord): Promise<{ readonly replacedId: string | null }>;
  findSubscription(id: string): Promise<PushSubscriptionRecord | null>;
  /** Writes only when the day changed. */
  noteSeen(id: string, day: string): Promise<void>;
  deleteSubscriptions(ids: readonly string[]): Promise<number>;
  /** Removes subscriptions not seen since that day (the phone uninstalled the app or stopped asking). */
  deleteUnseenSince(day: string): Promise<number>;
}
