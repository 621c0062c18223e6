// One action as a card in the app's lists: status, title, time, text, photo, a still map, "Bel politie".
import { drawAreaMap } from './area-map.js';

const TIME = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

function element(tag, attributes = {}, text = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== null) node.textContent = text;
  return node;
}

function time(iso) {
  return element('time', { datetime: iso }, TIME.format(new Date(iso)));
}

/** `action` as the app API sends it; `page` holds the texts and map settings from the page. */
export function actionCard(action, page, headingLevel = 'h3') {
  const { texts } = page;
  const card = element('article', { class: `action-card action-${action.status}`, 'data-actie': action.id });
  const heading = element(headingLevel);
  heading.append(element('a', { href: action.url }, action.title));
  card.append(heading);

  const meta = element('p', { class: 'meta' });
  meta.append(element('span', { class: `status status-${action.status}` }, action.statusLabel), ` · ${texts.started} `, time(action.startedAt));
  if (action.endedAt !== null) meta.append(` · ${texts.ended} `, time(action.endedAt));
  meta.append(` · ${action.meldkamer.name}`);
  card.append(meta);

  if (action.status === 'afgesloten' && action.resultLabel !== null) {
    const result = element('p', { class: 'result-line' });
    result.append(element('strong', {}, action.resultLabel));
    if (action.closingText) result.append(` ${action.closingText}`);
    card.append(result);
  }
  if (action.status === 'ingetrokken' && action.closingText) card.append(element('p', {}, action.closingText));
  if (action.text !== null) card.append(element('p', { class: 'action-text' }, action.text));
  if (action.description !== null) card.append(element('p', {}, action.description));
  if (action.photoUrl !== null) card.append(element('img', { class: 'action-photo', src: action.photoUrl, alt: texts.photoAlt, loading: 'lazy' }));
  if (action.area !== null) {
    const map = element('div', { class: 'area-map', role: 'img', 'aria-label': texts.mapLabel });
    card.append(map);
    // Drawn once the card is in the page: Leaflet needs the element's size.
    requestAnimationFrame(() => void drawAreaMap(map, action.area, page.map));
  }
  const actions = element('p', { class: 'card-actions' });
  if (action.call !== null) {
    actions.append(element('a', { class: `button call-button${action.call.kind === '112' ? ' danger' : ''}`, href: action.call.href }, action.call.kind === '112' ? texts.call112 : texts.callMeldkamer), ' ');
  }
  actions.append(element('a', { class: 'button secondary', href: action.url }, texts.open));
  card.append(actions);
  return card;
}
