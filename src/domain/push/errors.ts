/** The app's push subscriptions. */
export type PushError = { readonly code: 'push.unknown-device' } | { readonly code: 'push.endpoint-not-allowed' };
