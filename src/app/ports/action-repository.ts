import type { Action, ActionStatus } from '../../domain/action/action.js';
import type { ActionType } from '../../domain/action/action-type.js';
import type { MessageKind } from '../../domain/delivery/message-kind.js';

export interface ActionMessage {
  readonly id: string;
  readonly actionId: string;
  /** 1 for the alert, then 2, 3… in the order they were sent. */
  readonly ordinal: number;
  readonly kind: MessageKind;
  readonly text: string;
  /** What a call to a voice participant says (written for listening); null: the text is spoken. */
  readonly spokenText: string | null;
  readonly createdAt: Date;
  readonly createdBy: string;
}

export interface ActionSearch {
  /** Only actions of this meldkamer. */
  readonly meldkamerCode: string | null;
  /** Only actions this meldkamer sees: its own and those of others whose areas reached into its region. */
  readonly visibleTo?: string | null;
  readonly status: ActionStatus | null;
  readonly type: ActionType | null;
  /** Matches the number or words in the message. */
  readonly text: string | null;
  readonly from: Date | null;
  readonly to: Date | null;
  /** Only actions whose centre lies in this gemeente (code); absent or null: anywhere. */
  readonly centreInGemeente?: string | null;
  readonly limit: number;
  readonly offset: number;
}

export interface ActionRepository {
  nextActionNumber(at: Date): Promise<string>;
  insertAction(action: Action): Promise<void>;
  findAction(id: string): Promise<Action | null>;
  /** Locks the row for the rest of the transaction, so that two changes to one action are serialised. */
  findActionForUpdate(id: string): Promise<Action | null>;
  /** Saves when nobody changed the action since `expectedVersion`; false otherwise. */
  updateAction(action: Action, expectedVersion: number): Promise<boolean>;
  searchActions(search: ActionSearch): Promise<{ readonly items: readonly Action[]; readonly total: number }>;
  /** Public actions that are active or ended after `endedAfter`, newest first (the app's feed; at most 500). */
  listPublished(endedAfter: Date): Promise<readonly Action[]>;
  insertMessage(message: ActionMessage): Promise<void>;
  listMessages(actionId: string): Promise<readonly ActionMessage[]>;
}
