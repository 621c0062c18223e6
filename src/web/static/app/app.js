// The app's start screen. It fetches the list of public actions (the same for everyone) and decides here,
// on the phone, which are near where the phone is. Only a coarse cell is ever sent (presence.js).
import { actionCard } from './action-card.js';
import { notifiedActions } from './device-store.js';
import { areaContains } from './geo.js';
import { enableNotifications, notificationsOn, pushSupported, reportPresence } from './presence.js';

const REFRESH_MS = 60 * 1000;

const page = JSON.parse(document.getElementById('app-gegevens').textContent);
const { texts } = page;
const $ = (id) => document.getElementById(id);
const status = $('app-status');

/** Where the phone is now: in this variable only, never stored and never sent. */
let here = null;
let actions = [];
let watching = false;

function say(text) {
  status.textContent = text;
}

function fill(listId, items, emptyId) {
  const list = $(listId);
  list.replaceChildren(...items.map((a) => actionCard(a, page)));
  if (emptyId) $(emptyId).hidden = items.length > 0;
}

async function render() {
  const active = actions.filter((a) => a.status === 'actief');
  fill('alle-lijst', active, null);
  if (active.length === 0) $('alle-lijst').replaceChildren(Object.assign(document.createElement('p'), { className: 'empty', textContent: texts.allNone }));
  if (here !== null) {
    const near = actions.filter((a) => a.area !== null && areaContains(a.area, here));
    fill('dichtbij-lijst', near.filter((a) => a.status === 'actief'), 'dichtbij-geen');
    fill('recent-lijst', near.filter((a) => a.status !== 'actief'), 'recent-geen');
    $('dichtbij').hidden = false;
    $('recent').hidden = false;
  }
  await renderNotified();
}

/** Actions this phone was notified of, with what became of them (an update, the result). */
async function renderNotified() {
  let notified = [];
  try {
    notified = await notifiedActions();
  } catch {
    return;
  }
  const known = new Map(actions.map((a) => [a.id, a]));
  const shown = [];
  for (const entry of notified.sort((a, b) => b.at.localeCompare(a.at))) {
    let action = known.get(entry.actionId);
    if (action === undefined) {
      const response = await fetch(`/app/v1/actions/${encodeURIComponent(entry.actionId)}`, { cache: 'no-cache' }).catch(() => null);
      action = response?.ok ? await response.json() : undefined;
    }
    if (action !== undefined) shown.push(action);
  }
  fill('gemeld-lijst', shown, null);
  $('gemeld').hidden = shown.length === 0;
}

async function loadActions() {
  try {
    // Revalidated every time (a cheap 304 when nothing changed): an ended action must not look active.
    const response = await fetch('/app/v1/actions', { cache: 'no-cache' });
    if (!response.ok) throw new Error(String(response.status));
    actions = (await response.json()).actions;
  } catch {
    say(navigator.onLine === false ? texts.offline : texts.loadFailed);
  }
  await render();
}

function onPosition(position) {
  here = { lat: position.coords.latitude, lon: position.coords.longitude };
  say(texts.locationKnown);
  $('locatie-knop').hidden = true;
  void render();
  void reportPresence(here);
}

function onPositionError(error) {
  here = null;
  say(error.code === error.PERMISSION_DENIED ? texts.locationDenied : texts.locationUnavailable);
  $('dichtbij').hidden = true;
  $('recent').hidden = true;
}

function watchLocation() {
  if (watching || !('geolocation' in navigator)) return;
  watching = true;
  say(texts.locationAsking);
  // Coarse is enough (an area is hundreds of metres at least), and spares the battery.
  navigator.geolocation.watchPosition(onPosition, onPositionError, { enableHighAccuracy: false, maximumAge: 60_000, timeout: 30_000 });
}

async function start() {
  $('app-bediening').hidden = false;
  $('locatie-knop').addEventListener('click', watchLocation);
  const notifications = $('meldingen-knop');
  if (!pushSupported()) notifications.hidden = true;
  if (notificationsOn()) notifications.hidden = true;
  notifications.addEventListener('click', async () => {
    const result = await enableNotifications();
    say(result === 'on' ? texts.notificationsOn : result === 'denied' ? texts.notificationsDenied : texts.notificationsUnavailable);
    if (result === 'on') {
      notifications.hidden = true;
      if (here !== null) void reportPresence(here);
    }
  });
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
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
  navigator.serviceWorker?.addEventListener('message', (event) => {
    if (event.data?.type === 'burgernet-push') void loadActions();
  });
}

void start();
