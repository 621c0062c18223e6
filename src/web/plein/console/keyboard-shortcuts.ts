import { byId } from '../../elements.js';

/** Opens the <details> around a field and puts the focus in it. */
function openAndFocus(id: string): void {
  const field = byId(id);
  const details = field.closest('details');
  if (details) details.open = true;
  field.focus();
}

function clickShape(shape: 'circle' | 'polygon'): void {
  document.querySelector<HTMLInputElement>(`input[name="vorm"][value="${shape}"]`)?.click();
}

/**
 * One key for each frequent step (the page lists them in its hint), not while typing in a field or while the
 * start dialog is open.
 */
export function setUpKeyboardShortcuts(): void {
  const keys: Readonly<Record<string, () => void>> = {
    g: () => byId('plaats-zoek').focus(),
    r: () => {
      clickShape('circle');
      byId('straal').focus();
    },
    p: () => clickShape('polygon'),
    t: () => byId('type').focus(),
    b: () => byId('bericht').focus(),
    s: () => {
      if (!byId('stap-bericht').hidden) byId('start-knop').click();
    },
    v: () => {
      if (!byId('stap-lopend').hidden) openAndFocus('vervolg');
    },
    a: () => {
      if (!byId('stap-lopend').hidden) openAndFocus('resultaat');
    },
    h: () => window.location.assign('/plein/acties'),
  };
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = document.activeElement?.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || byId('bevestig', HTMLDialogElement).open) return;
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  });
}
