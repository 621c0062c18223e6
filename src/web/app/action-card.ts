// One action as a card in the app's lists: status, title, time, text, photo, a still map, "Bel politie".
import { el } from '../elements.js';
import type { AppPageData, PublicAction } from './app-page-data.js';
import { drawAreaMap } from './area-map.js';

const TIME = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

function time(iso: string): HTMLTimeElement {
  return el('time', { datetime: iso }, TIME.format(new Date(iso)));
}

export function actionCard(action: PublicAction, page: AppPageData, headingLevel: 'h2' | 'h3' = 'h3'): HTMLElement {
  const { texts } = page;
  const card = el('article', { class: `action-card action-${action.status}`, 'data-actie': action.id });
  card.append(el(headingLevel, {}, el('a', { href: action.url }, action.title)));

  const meta = el('p', { class: 'meta' });
  meta.append(
    el('span', { class: `status status-${action.status}` }, action.statusLabel),
    ` · ${texts.started} `,
    time(action.startedAt),
  );
  if (action.endedAt !== null) meta.append(` · ${texts.ended} `, time(action.endedAt));
  meta.append(` · ${action.meldkamer.name}`);
  card.append(meta);

  if (action.status === 'afgesloten' && action.resultLabel !== null) {
    const result = el('p', { class: 'result-line' });
    result.append(el('strong', {}, action.resultLabel));
    if (action.closingText) result.append(` ${action.closingText}`);
    card.append(result);
  }
  if (action.status === 'ingetrokken' && action.closingText) card.append(el('p', {}, action.closingText));
  if (action.text !== null) card.append(el('p', { class: 'action-text' }, action.text));
  if (action.description !== null) card.append(el('p', {}, action.description));
  if (action.photoUrl !== null)
    card.append(el('img', { class: 'action-photo', src: action.photoUrl, alt: texts.photoAlt, loading: 'lazy' }));
  if (action.area !== null) {
    const map = el('div', { class: 'area-map', role: 'img', 'aria-label': texts.mapLabel });
    card.append(map);
    // Drawn once the card is in the page: Leaflet needs the element's size.
    requestAnimationFrame(() => void drawAreaMap(map, action.area, page.map));
  }
  const actions = el('p', { class: 'card-actions' });
  if (action.call !== null) {
    actions.append(
      el(
        'a',
        { class: `button call-button${action.call.kind === '112' ? ' danger' : ''}`, href: action.call.href },
        action.call.kind === '112' ? texts.call112 : texts.callMeldkamer,
      ),
      ' ',
    );
  }
  actions.append(el('a', { class: 'button secondary', href: action.url }, texts.open));
  card.append(actions);
  return card;
}
