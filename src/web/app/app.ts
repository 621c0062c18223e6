// The app's start screen. It fetches the list of public actions (the same for everyone) and decides here,
// on the phone, which are near where the phone is. Only a coarse cell is ever sent (presence.ts).
import { byId } from '../elements.js';
import { readPageData } from '../page-data.js';
import { actionCard } from './action-card.js';
import type { AppPageData, Point, PublicAction } from './app-page-data.js';
import { connectionNotice } from './connection-notice.js';
import { lastKnownActions, saveKnownActions } from './device-store.js';
import { areaContains } from './geo.js';
import { notifiedActions, type NotifiedAction } from './notified-actions.js';
import { enableNotifications, notificationsOn, pushSupported, reportPresence } from './presence.js';

const REFRESH_MS = 60 * 1000;
/** After a failed fetch the app tries again sooner than the regular refresh (and at once when back online). */
const RETRY_MS = 15 * 1000;

const page = readPageData<AppPageData>('app-gegevens');
const { texts } = page;
const status = byId('app-status');

/**
 * What the lists show: nothing yet (the page's own list stands), a fresh answer, the last answer kept on the
 * phone, or (no kept answer newer than the page) the list the server put in the page. Only a fresh answer may
 * say that there are no actions now.
 */
type Known =
  | { readonly kind: 'nothing-yet' }
  | { readonly kind: 'fresh'; readonly actions: readonly PublicAction[] }
  | { readonly kind: 'kept'; readonly actions: readonly PublicAction[]; readonly at: Date }
  | { readonly kind: 'page'; readonly at: Date | null };

/** Where the phone is now: in this variable only, never stored and never sent. */
let here: Point | null = null;
let known: Known = { kind: 'nothing-yet' };
let watching = false;
let loading: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function say(text: string): void {
  status.textContent = text;
}

function fill(listId: string, items: readonly PublicAction[], emptyId: string | null): void {
  byId(listId).replaceChildren(...items.map((a) => actionCard(a, page)));
  if (emptyId) byId(emptyId).hidden = items.length > 0;
}

async function render(): Promise<void> {
  if (known.kind === 'nothing-yet') return;
  if (known.kind === 'page') {
    // Only the list the server put in the page, as it was then: it says nothing about now, nor about nearby.
    const empty = byId('alle-lijst').querySelector('.empty');
    if (empty !== null) empty.textContent = texts.noneAtLastUpdate;
    byId('dichtbij').hidden = true;
    byId('recent').hidden = true;
    await renderNotified([]);
    return;
  }
  const actions = known.actions;
  const fresh = known.kind === 'fresh';
  const active = actions.filter((a) => a.status === 'actief');
  fill('alle-lijst', active, null);
  if (active.length === 0)
    byId('alle-lijst').replaceChildren(
      Object.assign(document.createElement('p'), {
        className: 'empty',
        textContent: fresh ? texts.allNone : texts.noneAtLastUpdate,
      }),
    );
  byId('dichtbij-geen').textContent = fresh ? texts.nearNone : texts.nearNoneAtLastUpdate;
  if (here !== null) {
    const point = here;
    const near = actions.filter((a) => a.area !== null && areaContains(a.area, point));
    fill(
      'dichtbij-lijst',
      near.filter((a) => a.status === 'actief'),
      'dichtbij-geen',
    );
    fill(
      'recent-lijst',
      near.filter((a) => a.status !== 'actief'),
      'recent-geen',
    );
    byId('dichtbij').hidden = false;
    byId('recent').hidden = false;
  }
  await renderNotified(actions);
}

/** Actions this phone was notified of, with what became of them (an update, the result). */
async function renderNotified(actions: readonly PublicAction[]): Promise<void> {
  let notified: NotifiedAction[];
  try {
    notified = await notifiedActions();
  } catch {
    // No IndexedDB here (some private modes): nothing was recorded either.
    return;
  }
  const listed = new Map(actions.map((a) => [a.id, a]));
  const shown: PublicAction[] = [];
  for (const entry of notified.sort((a, b) => b.at.localeCompare(a.at))) {
    let action = listed.get(entry.actionId);
    if (action === undefined) {
      const response = await fetch(`/app/v1/actions/${encodeURIComponent(entry.actionId)}`, {
        cache: 'no-cache',
      }).catch(() => null);
      if (response?.ok) action = (await response.json()) as PublicAction;
    }
    if (action !== undefined) shown.push(action);
  }
  fill('gemeld-lijst', shown, null);
  byId('gemeld').hidden = shown.length === 0;
}

/** Fetches the list; without an answer, shows the last one it knew with its time, and tries again. */
async function fetchActions(): Promise<void> {
  clearTimeout(retryTimer);
  try {
    // Revalidated every time (a cheap 304 when nothing changed): an ended action must not look active.
    const response = await fetch('/app/v1/actions', { cache: 'no-cache' });
    if (!response.ok) throw new Error(String(response.status));
    const list = (await response.json()) as { actions: PublicAction[] };
    known = { kind: 'fresh', actions: list.actions };
    saveKnownActions({ at: new Date(), actions: list.actions });
    connectionNotice(texts, null);
  } catch {
    const kept = lastKnownActions();
    const pageAt = page.listedAt === undefined ? null : new Date(page.listedAt);
    known =
      kept !== null && (pageAt === null || kept.at >= pageAt)
        ? { kind: 'kept', actions: kept.actions, at: kept.at }
        : { kind: 'page', at: pageAt };
    connectionNotice(texts, { offline: navigator.onLine === false, at: known.at });
    retryTimer = setTimeout(() => {
      if (document.visibilityState === 'visible') void loadActions();
    }, RETRY_MS);
  }
  await render();
}

/** One fetch at a time: the timer, the online event and a push message may all ask at once. */
function loadActions(): Promise<void> {
  loading ??= fetchActions().finally(() => {
    loading = null;
  });
  return loading;
}

function onPosition(position: GeolocationPosition): void {
  here = { lat: position.coords.latitude, lon: position.coords.longitude };
  say(texts.locationKnown);
  byId('locatie-knop').hidden = true;
  void render();
  void reportPresence(here);
}

function onPositionError(error: GeolocationPositionError): void {
  here = null;
  say(error.code === error.PERMISSION_DENIED ? texts.locationDenied : texts.locationUnavailable);
  byId('dichtbij').hidden = true;
  byId('recent').hidden = true;
}

function watchLocation(): void {
  if (watching || !('geolocation' in navigator)) return;
  watching = true;
  say(texts.locationAsking);
  // Coarse is enough (an area is hundreds of metres at least), and spares the battery.
  navigator.geolocation.watchPosition(onPosition, onPositionError, {
    enableHighAccuracy: false,
    maximumAge: 60_000,
    timeout: 30_000,
  });
}

async function start(): Promise<void> {
  byId('app-bediening').hidden = false;
  byId('locatie-knop').addEventListener('click', watchLocation);
  const notifications = byId('meldingen-knop');
  if (!pushSupported()) notifications.hidden = true;
  if (notificationsOn()) notifications.hidden = true;
  notifications.addEventListener('click', async () => {
    const result = await enableNotifications();
    say(
      result === 'on'
        ? texts.notificationsOn
        : result === 'denied'
          ? texts.notificationsDenied
          : texts.notificationsUnavailable,
    );
    if (result === 'on') {
      notifications.hidden = true;
      if (here !== null) void reportPresence(here);
    }
  });
  // Without a service worker the app still works, only not offline and without notifications.
  if ('serviceWorker' in navigator)
    navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
  const permission = await navigator.permissions?.query({ name: 'geolocation' }).catch(() => null);
  if (permission?.state === 'granted') watchLocation();
  await loadActions();
  document.body.dataset.appReady = 'true';
  setInterval(() => {
    if (document.visibilityState === 'visible') void loadActions();
  }, REFRESH_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void loadActions();
  });
  // Back online: a fresh list at once. Gone offline: say so at once, not at the next refresh.
  window.addEventListener('online', () => void loadActions());
  window.addEventListener('offline', () => void loadActions());
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<{ type?: string } | null>) => {
    if (event.data?.type === 'burgernet-push') void loadActions();
  });
}

void start();
