import { publicViewOf } from '../../domain/action/public-view.js';
import type { Msisdn } from '../../domain/participant/msisdn.js';
import type { StoredImage } from '../../domain/photo/stored-image.js';
import type { Tip } from '../../domain/tip/tip.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { MediaDeps } from '../media/media-deps.js';
import { storeSanitizedPhoto, withStoredPhoto } from '../media/store-sanitized-photo.js';

export interface TipInput {
  readonly text: string;
  readonly callbackMsisdn: Msisdn | null;
  /** The raw upload, untrusted; null without a photo. */
  readonly photo: Uint8Array | null;
}

/**
 * An app user tells the meldkamer what they saw, during an active public action. The tip holds nothing about
 * where the sender is or which device sent it; a photo is cleaned (and its location data dropped) first.
 */
export async function sendTip(deps: MediaDeps, actionId: string, input: TipInput): Promise<Result<Tip>> {
  const action = await deps.store.actions.findAction(actionId);
  const view = action === null ? null : publicViewOf(action);
  if (view === null) return fail({ code: 'action.not-found' });
  if (!view.acceptsTips) return fail({ code: 'tip.action-not-active' });
  let image: StoredImage | null = null;
  if (input.photo !== null) {
    const stored = await storeSanitizedPhoto(deps, input.photo);
    if (!stored.ok) return stored;
    image = stored.value;
  }
  return withStoredPhoto(deps, image, () =>
    deps.store.transaction(async (stores) => {
      // The action may have ended while the photo was being cleaned.
      const current = await stores.actions.findActionForUpdate(actionId);
      if (current === null || !(publicViewOf(current)?.acceptsTips ?? false))
        return fail({ code: 'tip.action-not-active' });
      const tip = await stores.media.insertTip({
        id: deps.ids.newId(),
        actionId,
        text: input.text,
        callbackMsisdn: input.callbackMsisdn,
        photo: image,
        receivedAt: deps.clock.now(),
      });
      return ok(tip);
    }),
  );
}
