// Burgernetmail mail page: "Versturen" asks first. A styled dialog restates who gets which mail and when; it opens
// with the focus on "Annuleren", so Enter there and Escape send nothing. Only "Ja, versturen" posts the form,
// with "bevestigd" set (without JavaScript the server asks on a page of its own).
import { askInDialog } from '../ask-in-dialog.js';
import { byId } from '../elements.js';
import { readPageData } from '../page-data.js';
import { fillTemplate } from '../text-template.js';

interface SendTexts {
  readonly now: string;
  /** {moment}: the chosen date and time. */
  readonly later: string;
}

/** A datetime-local value ("2026-05-12T21:30", Amsterdam time) as people say it: "dinsdag 12 mei 2026 om 21:30". */
function spoken(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (m === null) return null;
  // The wall time as given, formatted in UTC so that the browser's own time zone does not shift it.
  const wall = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(wall);
}

function startSendConfirm(): void {
  const form = document.getElementById('verstuur-form');
  if (!(form instanceof HTMLFormElement)) return;
  const texts = readPageData<SendTexts>('texts-send');
  const dialog = byId('verstuur-bevestiging', HTMLDialogElement);
  const yes = byId('verstuur-ja', HTMLButtonElement);
  const no = byId('verstuur-nee', HTMLButtonElement);
  const confirmed = byId('veld-bevestigd', HTMLInputElement);
  const when = byId('verstuur-bevestiging-moment');
  const moment = byId('veld-moment', HTMLInputElement);

  form.addEventListener('submit', (event) => {
    if (confirmed.value === '1') return;
    const later = form.querySelector<HTMLInputElement>('input[name="wanneer"]:checked')?.value === 'later';
    const at = later ? spoken(moment.value) : null;
    // A moment that is missing or malformed goes to the server as it is: the page comes back with the error.
    if (later && at === null) return;
    event.preventDefault();
    when.textContent = at === null ? texts.now : fillTemplate(texts.later, { moment: at });
    void askInDialog(dialog, yes, no).then((answer) => {
      if (!answer) return;
      confirmed.value = '1';
      form.requestSubmit();
    });
  });
}

startSendConfirm();
