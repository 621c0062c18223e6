// The public page of an action: its map, sharing (the phone's own share sheet, or WhatsApp), and the tip form.
import { drawAreaMap } from './area-map.js';
import { deviceId } from './device-store.js';

const page = JSON.parse(document.getElementById('app-gegevens').textContent);
const action = JSON.parse(document.getElementById('actie-gegevens').textContent);
const { texts } = page;
const $ = (id) => document.getElementById(id);
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

function setUpMap() {
  const element = $('actie-kaart');
  if (element !== null && action.area !== null) void drawAreaMap(element, action.area, page.map);
}

function setUpSharing() {
  const button = $('delen-knop');
  const data = { title: action.shareTitle, text: action.shareText.replace(action.shareUrl, '').trim(), url: action.shareUrl };
  if (typeof navigator.share !== 'function' || (typeof navigator.canShare === 'function' && !navigator.canShare(data))) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.share(data);
    } catch {
      // Cancelled, or not allowed here: the WhatsApp link next to it still works.
    }
  });
}

const FIELDS = ['text', 'photo', 'phone'];

function showErrors(messages) {
  const summary = $('tip-fouten');
  for (const field of FIELDS) {
    const error = $(`veld-${field}-fout`);
    const input = $(`veld-${field}`);
    const message = messages[field];
    error.hidden = message === undefined;
    error.textContent = message === undefined ? '' : message;
    $(`veld-groep-${field}`).classList.toggle('field-error', message !== undefined);
    if (message === undefined) {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', `veld-${field}-hint`);
    } else {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `veld-${field}-hint veld-${field}-fout`);
    }
  }
  const entries = Object.entries(messages);
  summary.replaceChildren();
  if (entries.length === 0) return;
  const box = document.createElement('div');
  box.className = 'error-summary';
  box.setAttribute('role', 'alert');
  box.tabIndex = -1;
  const heading = document.createElement('h3');
  heading.textContent = texts.tipErrorsHeading;
  box.append(heading);
  const list = document.createElement('ul');
  for (const [field, message] of entries) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#veld-${FIELDS.includes(field) ? field : 'text'}`;
    link.textContent = message;
    item.append(link);
    list.append(item);
  }
  box.append(list);
  summary.append(box);
  box.focus();
}

/** Which field a refusal from the server belongs to. */
function messagesOf(problem) {
  const message = [problem.title, problem.detail].filter(Boolean).join('. ');
  if (problem.code?.startsWith('photo.')) return { photo: message };
  if (problem.code === 'tip.invalid-phone-number') return { phone: message };
  if (Array.isArray(problem.errors) && problem.errors.some((e) => FIELDS.includes(e.path))) {
    return Object.fromEntries(problem.errors.filter((e) => FIELDS.includes(e.path)).map((e) => [e.path, e.message]));
  }
  return { text: message };
}

function setUpTipForm() {
  const form = $('tip-formulier');
  if (form === null) return;
  form.hidden = false;
  const status = $('tip-status');
  const submit = $('tip-verstuur');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('veld-text').value.trim();
    const photo = $('veld-photo').files[0];
    const local = {};
    if (text === '') local.text = texts.tipTextRequired;
    if (photo !== undefined && photo.size > MAX_PHOTO_BYTES) local.photo = texts.tipTooLarge;
    showErrors(local);
    if (Object.keys(local).length > 0) return;
    submit.disabled = true;
    status.textContent = texts.tipSending;
    try {
      const response = await fetch(form.action, { method: 'POST', body: new FormData(form), headers: { 'x-burgernet-device': deviceId() } });
      if (response.ok) {
        form.reset();
        showErrors({});
        status.textContent = texts.tipSent;
      } else {
        const problem = await response.json().catch(() => ({}));
        status.textContent = texts.tipFailed;
        showErrors(messagesOf(problem));
      }
    } catch {
      status.textContent = texts.tipFailed;
    } finally {
      submit.disabled = false;
    }
  });
}

setUpMap();
setUpSharing();
setUpTipForm();
document.body.dataset.appReady = 'true';
