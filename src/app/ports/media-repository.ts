import type { Action } from '../../domain/action/action.js';
import type { ActionPhoto } from '../../domain/photo/stored-image.js';
import type { Tip } from '../../domain/tip/tip.js';

export type NewTip = Omit<Tip, 'seq'>;

/** The photos of actions and the tips sent from the app. */
export interface MediaRepository {
  findPhoto(actionId: string): Promise<ActionPhoto | null>;
  findPhotos(actionIds: readonly string[]): Promise<ReadonlyMap<string, ActionPhoto>>;
  /** Replaces the action's photo; returns the one it replaced (its file is removed next). */
  setPhoto(photo: ActionPhoto): Promise<ActionPhoto | null>;
  removePhoto(actionId: string): Promise<ActionPhoto | null>;
  insertTip(tip: NewTip): Promise<Tip>;
  /** Tips of an action in arrival order, those after `afterSeq` only when given. */
  listTips(actionId: string, afterSeq: number | null, limit: number): Promise<readonly Tip[]>;
  findTip(actionId: string, tipId: string): Promise<Tip | null>;
  /** Actions that are not active any more and still have a photo or tips: candidates for deletion. */
  listEndedWithMedia(): Promise<readonly Pick<Action, 'id' | 'status' | 'endedAt' | 'updatedAt' | 'publication'>[]>;
  /** Deletes the action's photo and tips rows; returns the storage keys whose files are to be removed. */
  deleteMedia(actionId: string): Promise<readonly string[]>;
}
