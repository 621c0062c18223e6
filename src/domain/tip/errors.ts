/** Tips from the app about an action. */
export type TipError =
  | { readonly code: 'tip.action-not-active' }
  | { readonly code: 'tip.invalid-phone-number' }
  | { readonly code: 'tip.not-found' }
  /** The tipper left no number to call back. */
  | { readonly code: 'tip.no-callback-number' };
