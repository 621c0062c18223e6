import { setTimeout as delay } from 'node:timers/promises';
import type { Result } from '../../../domain/result.js';
import type { ActionProgress } from '../../../app/ports/dispatch-repository.js';
import type { ActionStatus } from '../../../domain/action/action.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { EventStream } from '../server/staff-event-streams.js';
import { progressJson } from './action-schemas.js';

/**
 * Server-sent events: a `progress` event whenever the counts change (checked every interval), and a comment
 * line now and then so that proxies keep the connection open. Ends when the client goes away, or when the
 * stream's session does (staff-event-streams.ts).
 */
export async function streamProgress(
  stream: EventStream,
  deps: Pick<HttpDeps, 'progressIntervalMs' | 'logger'>,
  read: () => Promise<Result<ActionProgress & { status: ActionStatus }>>,
): Promise<void> {
  let last = '';
  let ticks = 0;
  while (!stream.signal.aborted) {
    try {
      const outcome = await read();
      if (!outcome.ok) break;
      const data = JSON.stringify({ status: outcome.value.status, ...progressJson(outcome.value) });
      if (data !== last) {
        stream.event('progress', data);
        last = data;
      } else if (++ticks % 15 === 0) {
        stream.comment('nog verbonden');
      }
    } catch (error) {
      deps.logger.error({ err: error }, 'progress stream read failed');
      break;
    }
    await delay(deps.progressIntervalMs, undefined, { signal: stream.signal }).catch(() => undefined);
  }
  stream.end();
}
