/** The secret a phone shows to change its own subscription; the store keeps only its hash. */
export interface DeviceTokens {
  issue(): { readonly token: string; readonly hash: string };
  /** The hash of a presented token, or null when it cannot be one of ours. */
  hashOf(token: string): string | null;
}
