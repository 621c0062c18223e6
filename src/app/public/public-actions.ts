import { publicViewOf, type PublicView } from '../../domain/action/public-view.js';
import type { Msisdn } from '../../domain/participant/msisdn.js';
import type { ActionPhoto } from '../../domain/photo/stored-image.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Clock } from '../ports/clock.js';
import type { PhotoStorage } from '../ports/photo-storage.js';
import type { Store } from '../ports/stores.js';

/** A public action with what the app shows next to it. */
export interface PublicAction {
  readonly view: PublicView;
  readonly meldkamer: { readonly code: string; readonly name: string; readonly publicPhone: Msisdn | null };
  /** The meldkamer's photo, while the public may see it. */
  readonly photo: ActionPhoto | null;
}

export interface PublicDeps {
  readonly store: Store;
  readonly clock: Clock;
}

const HOUR_MS = 3_600_000;

/**
 * The app's feed: every public action that is active or ended in the last hours, the same for everyone.
 * Nobody says where they are; each device decides for itself which of these are near.
 */
export async function listPublicActions(deps: PublicDeps, recentHours: number): Promise<readonly PublicAction[]> {
  const actions = await deps.store.actions.listPublished(new Date(deps.clock.now().getTime() - recentHours * HOUR_MS));
  const views = actions.map(publicViewOf).filter((v): v is PublicView => v !== null);
  const [meldkamers, photos] = await Promise.all([
    deps.store.meldkamers.list(),
    deps.store.media.findPhotos(views.filter((v) => v.showPhoto).map((v) => v.id)),
  ]);
  const byCode = new Map(meldkamers.map((m) => [m.code, m]));
  return views.map((view) => ({
    view,
    meldkamer: meldkamerOf(byCode.get(view.meldkamerCode), view.meldkamerCode),
    photo: view.showPhoto ? (photos.get(view.id) ?? null) : null,
  }));
}

/** One action as the public may see it (the share link, a notification opened later). */
export async function viewPublicAction(deps: PublicDeps, actionId: string): Promise<Result<PublicAction>> {
  const action = await deps.store.actions.findAction(actionId);
  const view = action === null ? null : publicViewOf(action);
  // A non-public action answers as an unknown one: the public does not learn that it exists.
  if (view === null) return fail({ code: 'action.not-found' });
  const [meldkamer, photo] = await Promise.all([
    deps.store.meldkamers.find(view.meldkamerCode),
    view.showPhoto ? deps.store.media.findPhoto(view.id) : Promise.resolve(null),
  ]);
  return ok({ view, meldkamer: meldkamerOf(meldkamer ?? undefined, view.meldkamerCode), photo });
}

/** The meldkamer's photo of a public action, while the public may see it. */
export async function readPublicPhoto(
  deps: PublicDeps & { readonly photos: PhotoStorage },
  actionId: string,
): Promise<Result<{ readonly photo: ActionPhoto; readonly bytes: Uint8Array }>> {
  const found = await viewPublicAction(deps, actionId);
  if (!found.ok) return found;
  const photo = found.value.photo;
  const bytes = photo === null ? null : await deps.photos.read(photo.image.key);
  if (photo === null || bytes === null) return fail({ code: 'photo.not-found' });
  return ok({ photo, bytes });
}

function meldkamerOf(
  record: { code: string; name: string; publicPhone: Msisdn | null } | undefined,
  code: string,
): PublicAction['meldkamer'] {
  return { code, name: record?.name ?? code, publicPhone: record?.publicPhone ?? null };
}
