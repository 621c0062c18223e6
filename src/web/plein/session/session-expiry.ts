// On every portal page while logged in: asks the server when the session ends, warns some minutes before it
// would end by idleness ("Blijf ingelogd"), and once it has ended says so and lets the page keep what was typed
// (SESSION_ENDED). The page never guesses: before it warns or declares the end, it asks the server again, since
// another tab or the console's keep-alive may have moved the end meanwhile.
import { byId } from '../../elements.js';
import { readPageData } from '../../page-data.js';
import { fillTemplate } from '../../text-template.js';
import {
  announce,
  extendSession,
  fetchSessionStatus,
  SESSION_CHECK,
  SESSION_ENDED,
  SESSION_STATUS,
  type SessionStatus,
} from './session-status.js';

interface SessionTexts {
  readonly warningHeading: string;
  readonly idleWarning: string;
  readonly absoluteHeading: string;
  readonly absoluteWarning: string;
  readonly stay: string;
  readonly close: string;
  readonly endedHeading: string;
  readonly endedText: string;
  readonly logIn: string;
  readonly failed: string;
}

/** Without an answer from the server (offline), ask again after this long. */
const RETRY_MS = 30_000;
/** Ask again this long after the announced end: the server has certainly ended it by then. */
const AFTER_END_MS = 1_000;

type Shown = 'idle' | 'absolute' | 'ended' | null;

function timeOfDay(at: number): string {
  return new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(
    at,
  );
}

function watchSession(dialog: HTMLDialogElement, texts: SessionTexts): void {
  const heading = byId('sessie-kop');
  const text = byId('sessie-tekst');
  const error = byId('sessie-fout');
  const stay = byId('sessie-blijf', HTMLButtonElement);
  const close = byId('sessie-sluit', HTMLButtonElement);
  const logIn = byId('sessie-inloggen', HTMLAnchorElement);
  let timer: number | undefined;
  let shown: Shown = null;
  let absoluteDismissed = false;
  let focusBefore: Element | null = null;

  function open(kind: Exclude<Shown, null>, headingText: string, body: string): void {
    shown = kind;
    heading.textContent = headingText;
    text.textContent = body;
    error.hidden = true;
    stay.hidden = kind !== 'idle';
    close.hidden = kind !== 'absolute';
    logIn.hidden = kind !== 'ended';
    if (!dialog.open) {
      focusBefore = document.activeElement;
      dialog.showModal();
    }
    (kind === 'idle' ? stay : kind === 'absolute' ? close : logIn).focus();
  }

  function hide(): void {
    shown = null;
    if (!dialog.open) return;
    dialog.close();
    if (focusBefore instanceof HTMLElement) focusBefore.focus();
  }

  function ended(): void {
    clearTimeout(timer);
    if (shown === 'ended') return;
    // The console (and any page that keeps text) saves what was typed now, before anyone navigates away.
    announce(SESSION_ENDED);
    // Logging in again from here brings the user back to this page (the login page remembers it).
    logIn.href = window.location.pathname;
    open('ended', texts.endedHeading, texts.endedText);
  }

  function schedule(status: SessionStatus | null): void {
    clearTimeout(timer);
    if (status === null) {
      timer = window.setTimeout(() => void check(), RETRY_MS);
      return;
    }
    if (!status.active) {
      ended();
      return;
    }
    const now = Date.parse(status.now);
    const idleEnd = Date.parse(status.idleEndsAt);
    const absoluteEnd = Date.parse(status.endsAt);
    const end = Math.min(idleEnd, absoluteEnd);
    const left = end - now;
    const warnMs = status.warnSeconds * 1000;
    if (left > warnMs) {
      if (shown !== null) hide();
      timer = window.setTimeout(() => void check(), left - warnMs);
      return;
    }
    // The end as this page's clock reads it, for the sentence: the server's times only give the distance.
    const at = timeOfDay(Date.now() + Math.max(left, 0));
    if (idleEnd <= absoluteEnd) open('idle', texts.warningHeading, fillTemplate(texts.idleWarning, { time: at }));
    else if (!absoluteDismissed)
      open('absolute', texts.absoluteHeading, fillTemplate(texts.absoluteWarning, { time: at }));
    timer = window.setTimeout(() => void check(), Math.max(left, 0) + AFTER_END_MS);
  }

  async function check(): Promise<void> {
    schedule(await fetchSessionStatus());
  }

  async function stayLoggedIn(): Promise<void> {
    const status = await extendSession();
    if (status === null) {
      error.textContent = texts.failed;
      error.hidden = false;
      return;
    }
    schedule(status);
  }

  stay.addEventListener('click', () => void stayLoggedIn());
  close.addEventListener('click', () => {
    absoluteDismissed = true;
    hide();
  });
  // Escape: someone is clearly there, so the idle warning counts it as "Blijf ingelogd"; the other two just close.
  dialog.addEventListener('cancel', (event) => {
    if (shown !== 'idle') {
      if (shown === 'absolute') absoluteDismissed = true;
      shown = null;
      return;
    }
    event.preventDefault();
    void stayLoggedIn();
  });
  // Timers sleep in background tabs and closed laptops: look again when the page is seen again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && shown !== 'ended') void check();
  });
  document.addEventListener(SESSION_CHECK, () => void check());
  document.addEventListener(SESSION_STATUS, (event) => {
    if (shown !== 'ended') schedule((event as CustomEvent<SessionStatus>).detail);
  });
  void check();
}

const dialog = document.getElementById('sessie');
if (dialog instanceof HTMLDialogElement) watchSession(dialog, readPageData<SessionTexts>('texts-session'));
