import type { ActionPhoto } from '../../domain/photo/stored-image.js';
import { mayRunActionsFor, mayViewActionsOf, type Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { MediaDeps } from './media-deps.js';
import { storeSanitizedPhoto, withStoredPhoto } from './store-sanitized-photo.js';

/**
 * The meldkamer attaches a photo to an action (the missing child, the car): a concept or an active action.
 * It replaces an earlier one; the app and the public page show it while the action allows.
 */
export async function attachActionPhoto(
  deps: MediaDeps,
  staff: Staff,
  actionId: string,
  bytes: Uint8Array,
): Promise<Result<ActionPhoto>> {
  const action = await deps.store.actions.findAction(actionId);
  if (action === null) return fail({ code: 'action.not-found' });
  if (!mayRunActionsFor(staff, action.meldkamerCode)) return fail({ code: 'auth.forbidden' });
  if (action.status !== 'concept' && action.status !== 'actief') {
    return fail({ code: 'action.wrong-status', actionStatus: action.status, allowed: ['concept', 'actief'] });
  }
  const stored = await storeSanitizedPhoto(deps, bytes);
  if (!stored.ok) return stored;
  const image = stored.value;
  const at = deps.clock.now();
  const outcome = await withStoredPhoto(deps, image, () =>
    deps.store.transaction(async (stores) => {
      const current = await stores.actions.findActionForUpdate(actionId);
      if (current === null) return fail({ code: 'action.not-found' });
      if (current.status !== 'concept' && current.status !== 'actief') {
        return fail({ code: 'action.wrong-status', actionStatus: current.status, allowed: ['concept', 'actief'] });
      }
      const photo: ActionPhoto = { actionId, image, uploadedAt: at, uploadedBy: staff.id };
      const previous = await stores.media.setPhoto(photo);
      await stores.audit.append({
        actorId: staff.id,
        actorName: staff.name,
        event: 'action.photo-attached',
        subjectType: 'action',
        subjectId: actionId,
        details: { number: current.number, width: image.width, height: image.height, bytes: image.bytes },
        at,
      });
      return ok({ photo, previous });
    }),
  );
  if (!outcome.ok) return outcome;
  if (outcome.value.previous !== null) await deps.photos.remove(outcome.value.previous.image.key);
  return ok(outcome.value.photo);
}

export async function removeActionPhoto(deps: MediaDeps, staff: Staff, actionId: string): Promise<Result<null>> {
  const action = await deps.store.actions.findAction(actionId);
  if (action === null) return fail({ code: 'action.not-found' });
  if (!mayRunActionsFor(staff, action.meldkamerCode)) return fail({ code: 'auth.forbidden' });
  const at = deps.clock.now();
  const removed = await deps.store.transaction(async (stores) => {
    const photo = await stores.media.removePhoto(actionId);
    if (photo !== null) {
      await stores.audit.append({
        actorId: staff.id,
        actorName: staff.name,
        event: 'action.photo-removed',
        subjectType: 'action',
        subjectId: actionId,
        details: { number: action.number },
        at,
      });
    }
    return photo;
  });
  if (removed === null) return fail({ code: 'photo.not-found' });
  await deps.photos.remove(removed.image.key);
  return ok(null);
}

/** The photo as staff see it, whatever the public may see. */
export async function readActionPhoto(
  deps: MediaDeps,
  staff: Staff,
  actionId: string,
): Promise<Result<{ readonly photo: ActionPhoto; readonly bytes: Uint8Array }>> {
  const action = await deps.store.actions.findAction(actionId);
  if (action === null) return fail({ code: 'action.not-found' });
  if (!mayViewActionsOf(staff, action.meldkamerCode)) return fail({ code: 'auth.forbidden' });
  const photo = await deps.store.media.findPhoto(actionId);
  const bytes = photo === null ? null : await deps.photos.read(photo.image.key);
  if (photo === null || bytes === null) return fail({ code: 'photo.not-found' });
  return ok({ photo, bytes });
}
