// What was typed survives an ended session: when the session script announces the end, the values are written
// to sessionStorage (this tab only, gone when it closes), and the page puts them back once after logging in
// again, for the same staff member only.
import { SESSION_ENDED } from './session-status.js';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const PREFIX = 'burgernet:bewaard:';

/** The logged-in staff member, from the session dialog of the portal's shell. */
function staffId(): string {
  return document.getElementById('sessie')?.dataset.staff ?? '';
}

/** Keeps `read()`'s value when the session ends; `take()` returns it once (and forgets it). */
export function keepWhenSessionEnds<T>(key: string, read: () => T | null): { take(): T | null } {
  const storageKey = PREFIX + key;
  document.addEventListener(SESSION_ENDED, () => {
    const value = read();
    if (value === null) return;
    try {
      sessionStorage.setItem(storageKey, JSON.stringify({ staff: staffId(), value }));
    } catch {
      // Storage full or blocked: nothing to keep it in.
    }
  });
  return {
    take() {
      let kept: { staff: string; value: T } | null;
      try {
        kept = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as { staff: string; value: T } | null;
        sessionStorage.removeItem(storageKey);
      } catch {
        return null;
      }
      return kept !== null && kept.staff === staffId() ? kept.value : null;
    },
  };
}

/**
 * Keeps the fields' values when the session ends (those `include` accepts; nothing when no text was typed);
 * `restore()` puts them back in the given order, each with the event a user's change would fire, so counters and
 * previews follow, and tells whether there was anything.
 */
export function keepTypedText(
  key: string,
  fields: readonly Field[],
  include: (field: Field) => boolean = () => true,
): { restore(): boolean } {
  const kept = keepWhenSessionEnds<Record<string, string>>(key, () => {
    const chosen = fields.filter((f) => f.value !== '' && include(f));
    if (!chosen.some((f) => !(f instanceof HTMLSelectElement))) return null;
    return Object.fromEntries(chosen.map((f) => [f.id, f.value]));
  });
  return {
    restore() {
      const values = kept.take();
      if (values === null) return false;
      for (const field of fields) {
        const value = values[field.id];
        if (value === undefined) continue;
        field.value = value;
        field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      }
      return true;
    },
  };
}
