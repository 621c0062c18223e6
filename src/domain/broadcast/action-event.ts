import type { PublicView } from '../action/public-view.js';

/** What happened to an action that broadcast channels publish: one message per event, not one per person. */
export type ActionEventKind =
  'action.started' | 'action.widened' | 'action.area-moved' | 'action.updated' | 'action.closed' | 'action.withdrawn';

export const ACTION_EVENT_KINDS: readonly ActionEventKind[] = [
  'action.started',
  'action.widened',
  'action.area-moved',
  'action.updated',
  'action.closed',
  'action.withdrawn',
];

/**
 * One event of one action, as every broadcast channel gets it. Only what the public may see (the action's
 * public view): a partner screen or a newsroom shows what the app shows, never a participant or a staff member.
 */
export interface ActionEvent {
  /** Unique and stable: the same on every retry and for every destination, so a receiver can drop repeats. */
  readonly id: string;
  readonly kind: ActionEventKind;
  /** 1, 2, 3 … per action, in the order the meldkamer made the changes. */
  readonly sequence: number;
  readonly occurredAt: Date;
  readonly action: PublicView;
  /** The text of a vervolgbericht (`action.updated`); null for the other kinds. */
  readonly updateText: string | null;
}
