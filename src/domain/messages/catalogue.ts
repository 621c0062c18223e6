import type { ActionResult } from '../action/action-result.js';
import type { ActionType } from '../action/action-type.js';

/** Every text a participant or staff member reads. One object per language; Dutch is the only one now. */
export interface Catalogue {
  readonly actionTypes: Record<ActionType, string>;
  readonly results: Record<ActionResult, string>;
  readonly sms: {
    readonly alert: (p: { message: string; description: string | null }) => string;
    readonly emergency: (p: { message: string; instructions: string }) => string;
    readonly update: (p: { text: string }) => string;
    readonly closing: (p: { text: string }) => string;
    readonly defaultClosing: (p: { type: ActionType; result: ActionResult }) => string;
    readonly withdrawn: string;
  };
  /** Problem titles by stable error code, shown to API clients and in the portal. */
  readonly problems: Record<string, string>;
}
