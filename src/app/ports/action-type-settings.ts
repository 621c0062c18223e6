import type { ActionType } from '../../domain/action/action-type.js';

export interface ActionTypeSetting {
  readonly type: ActionType;
  /** The message a new action of this type starts from. */
  readonly template: string;
  /** Starting needs a second centralist's approval. */
  readonly requiresApproval: boolean;
  readonly updatedAt: Date | null;
}

export interface ActionApproval {
  readonly actionId: string;
  readonly actionVersion: number;
  readonly approvedBy: string;
  readonly approvedAt: Date;
}

export interface ActionTypeSettingsStore {
  /** Stored settings only; types without a row use the defaults. */
  list(): Promise<readonly ActionTypeSetting[]>;
  save(setting: ActionTypeSetting, by: string): Promise<void>;
  approve(approval: ActionApproval): Promise<boolean>;
  approvalOf(actionId: string, version: number): Promise<ActionApproval | null>;
}
