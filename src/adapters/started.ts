/**
 * Something that was started: what it made, and how to stop it again. The composition root's components return
 * it (src/compose/component.ts), and so do the per-recipient channel registrations, which live in the adapters
 * and may not import the composition root.
 */
export interface Started<T> {
  readonly value: T;
  stop(): Promise<void>;
}
