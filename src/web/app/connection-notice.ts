// The line above the app's lists when it has no fresh answer: offline or unreachable, and from when the list it
// shows is ("Laatst bijgewerkt om 14:32").
import { byId, el } from '../elements.js';
import { fillTemplate } from '../text-template.js';
import type { AppTexts } from './app-page-data.js';

const ZONE = 'Europe/Amsterdam';
const TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
const DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, day: 'numeric', month: 'long' });
const DAY = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, dateStyle: 'short' });

/** "Laatst bijgewerkt om 14:32." today; with the date for an older answer. */
export function lastUpdatedText(texts: AppTexts, at: Date, now: Date = new Date()): string {
  const time = TIME.format(at);
  return DAY.format(at) === DAY.format(now)
    ? fillTemplate(texts.lastUpdated, { time })
    : fillTemplate(texts.lastUpdatedOn, { date: DATE.format(at), time });
}

/** Shows why the list is not fresh (null: it is, and the notice goes). */
export function connectionNotice(
  texts: AppTexts,
  problem: { readonly offline: boolean; readonly at: Date | null } | null,
): void {
  const region = byId('app-verbinding');
  if (problem === null) {
    region.replaceChildren();
    return;
  }
  const parts = [problem.offline ? texts.offline : texts.loadFailed];
  if (problem.at !== null) parts.push(lastUpdatedText(texts, problem.at));
  parts.push(texts.retrying);
  region.replaceChildren(el('p', { class: 'warning' }, parts.join(' ')));
}
