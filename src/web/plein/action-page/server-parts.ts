/**
 * Reads the page again and puts its marked parts (`data-ververs`: the summary with the status, the progress, the
 * timeline with the audit log) in place of the ones shown, so that a step's outcome shows where the server writes
 * it. The controls and what was typed stay as they are.
 */
export async function refreshServerParts(): Promise<void> {
  const response = await fetch(window.location.href, { credentials: 'same-origin' });
  if (!response.ok || response.redirected) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const part of fresh.querySelectorAll<HTMLElement>('[data-ververs][id]')) {
    document.getElementById(part.id)?.replaceWith(document.importNode(part, true));
  }
}
