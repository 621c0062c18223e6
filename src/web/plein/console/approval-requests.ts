import { el } from '../../elements.js';

/** GET /plein/console/goedkeuringsverzoeken: the words come from the server's catalogue. */
interface ApprovalRequests {
  readonly heading: string;
  readonly requests: readonly { readonly id: string; readonly label: string; readonly arrived: string }[];
}

/**
 * Keeps the console's list of approval requests (other meldkamers' concepts waiting for this one) current without a
 * reload: it asks every few seconds while the tab is visible, and says a new request aloud (#verzoeken-melding,
 * aria-live) without moving the focus. Stops when the session has ended (the question then lands on the login).
 */
export function followApprovalRequests(): void {
  const section = document.getElementById('goedkeuringsverzoeken');
  const seconds = Number(section?.dataset.verversSeconden);
  const notice = document.getElementById('verzoeken-melding');
  if (section === null || notice === null || !(seconds > 0)) return;
  const heading = section.querySelector('h2');
  const list = section.querySelector('ul');
  if (heading === null || list === null) return;
  const known = new Set(
    Array.from(section.querySelectorAll<HTMLElement>('[data-verzoek]'), (a) => a.dataset.verzoek ?? ''),
  );

  const show = (answer: ApprovalRequests) => {
    const arrived = answer.requests.filter((r) => !known.has(r.id));
    heading.textContent = answer.heading;
    list.replaceChildren(
      ...answer.requests.map((r) =>
        el('li', {}, el('a', { href: `/plein/acties/${encodeURIComponent(r.id)}`, 'data-verzoek': r.id }, r.label)),
      ),
    );
    section.hidden = answer.requests.length === 0;
    known.clear();
    for (const r of answer.requests) known.add(r.id);
    if (arrived.length > 0) notice.textContent = arrived.map((r) => r.arrived).join(' ');
  };

  const timer = window.setInterval(() => {
    if (document.hidden) return;
    fetch('/plein/console/goedkeuringsverzoeken', {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    })
      .then(async (response) => {
        if (!response.ok || response.redirected) {
          window.clearInterval(timer);
          return;
        }
        // Our own route's JSON (console-pages.ts): trusted to have this shape.
        show((await response.json()) as ApprovalRequests);
      })
      // Out of reach for a moment: the next question tries again.
      .catch(() => undefined);
  }, seconds * 1000);
}
