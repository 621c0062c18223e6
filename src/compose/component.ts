import type { Logger } from 'pino';
import type { Started } from '../adapters/started.js';

/** A part of the running system: it starts, hands out what it made, and stops again. */
export interface Component<T> {
  readonly name: string;
  start(): Promise<Started<T>>;
}

/** A component that holds nothing to stop (its parts live as long as the process, e.g. route dependencies). */
export function stateless<T>(name: string, make: () => Promise<T> | T): Component<T> {
  return { name, start: async () => ({ value: await make(), stop: async () => {} }) };
}

/**
 * The system as a list of components: each started after the ones it needs, all stopped in reverse order. A
 * start that fails stops what had started before it, so nothing is left listening or holding connections.
 */
export class ComponentStack {
  readonly #running: { readonly name: string; readonly stop: () => Promise<void> }[] = [];
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  async start<T>(component: Component<T>): Promise<T> {
    let started: Started<T>;
    try {
      started = await component.start();
    } catch (error) {
      this.#logger.error({ err: error, component: component.name }, 'component failed to start; stopping the others');
      await this.stopAll();
      throw error;
    }
    this.#running.push({ name: component.name, stop: () => started.stop() });
    return started.value;
  }

  /** Stops every started component, last first; a failing stop is logged and the others still stop. */
  async stopAll(): Promise<void> {
    const failures: unknown[] = [];
    for (let next = this.#running.pop(); next !== undefined; next = this.#running.pop()) {
      try {
        await next.stop();
      } catch (error) {
        this.#logger.error({ err: error, component: next.name }, 'component failed to stop');
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, 'components failed to stop');
  }
}
