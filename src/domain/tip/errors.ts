/** Tips from the app about an action. */
export type TipError =
  | { readonly code: 'tip.action-not-active' }
  | { readonly code: 'tip.invalid-phone-number' }
  | { readonly code: 'tip.not-found' };
