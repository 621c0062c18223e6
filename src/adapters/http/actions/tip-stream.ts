import { setTimeout as delay } from 'node:timers/promises';
import type { Result } from '../../../domain/result.js';
import type { TipForStaff } from '../../../app/media/list-tips.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { EventStream } from '../server/staff-event-streams.js';

/**
 * Tips as server-sent events: every tip once, in arrival order, as a `tip` event whose id is its sequence
 * number, so that a reconnecting EventSource (Last-Event-ID) continues where it was. Checked every interval;
 * a comment line now and then keeps proxies from closing the connection. Numbers to call back are never sent.
 * Ends when the client goes away, or when the stream's session does (staff-event-streams.ts).
 */
export async function streamTips(
  stream: EventStream,
  deps: Pick<HttpDeps, 'progressIntervalMs' | 'logger'>,
  afterSeq: number | null,
  read: (afterSeq: number | null) => Promise<Result<readonly TipForStaff[]>>,
  toJson: (tip: TipForStaff) => unknown,
): Promise<void> {
  stream.comment('verbonden');
  let last = afterSeq;
  let quiet = 0;
  while (!stream.signal.aborted) {
    try {
      const outcome = await read(last);
      if (!outcome.ok) break;
      for (const tip of outcome.value) {
        stream.event('tip', JSON.stringify(toJson(tip)), tip.seq);
        last = tip.seq;
      }
      if (outcome.value.length > 0) quiet = 0;
      else if (++quiet % 15 === 0) stream.comment('nog verbonden');
    } catch (error) {
      deps.logger.error({ err: error }, 'tip stream read failed');
      break;
    }
    await delay(deps.progressIntervalMs, undefined, { signal: stream.signal }).catch(() => undefined);
  }
  stream.end();
}
