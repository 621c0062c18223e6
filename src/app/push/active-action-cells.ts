import type { PresenceCell } from '../../domain/push/presence-cell.js';

/** The presence cells of each active action (for phones that come into one), and the reverse. */
export class ActiveActionCells {
  readonly #byAction = new Map<string, { readonly alertMessageId: string; readonly cells: Set<PresenceCell> }>();
  readonly #byCell = new Map<PresenceCell, Set<string>>();

  /** The action's area now (a start, or a widening, which replaces the area). */
  set(actionId: string, alertMessageId: string, cells: ReadonlySet<PresenceCell>): void {
    this.remove(actionId);
    const entry = { alertMessageId, cells: new Set(cells) };
    this.#byAction.set(actionId, entry);
    for (const cell of cells) {
      let actions = this.#byCell.get(cell);
      if (actions === undefined) this.#byCell.set(cell, (actions = new Set()));
      actions.add(actionId);
    }
  }

  remove(actionId: string): void {
    const entry = this.#byAction.get(actionId);
    if (entry === undefined) return;
    for (const cell of entry.cells) {
      const actions = this.#byCell.get(cell);
      actions?.delete(actionId);
      if (actions?.size === 0) this.#byCell.delete(cell);
    }
    this.#byAction.delete(actionId);
  }

  actionsAt(cell: PresenceCell): readonly { readonly actionId: string; readonly alertMessageId: string }[] {
    const found: { actionId: string; alertMessageId: string }[] = [];
    for (const actionId of this.#byCell.get(cell) ?? []) {
      const entry = this.#byAction.get(actionId);
      if (entry !== undefined) found.push({ actionId, alertMessageId: entry.alertMessageId });
    }
    return found;
  }

  actionIds(): string[] {
    return [...this.#byAction.keys()];
  }
}
