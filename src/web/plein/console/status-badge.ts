import { byId } from '../../elements.js';

/** The running action's status badge: its word, and the class that colours live, concept and ended apart. */
export function showStatus(status: string): void {
  const badge = byId('actie-status');
  badge.textContent = status;
  badge.className = `status status-${status}`;
}
