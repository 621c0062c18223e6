import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Result } from '../../../domain/result.js';
import type { TipForStaff } from '../../../app/media/list-tips.js';
import type { HttpDeps } from '../server/http-deps.js';

/**
 * Tips as server-sent events: every tip once, in arrival order, as a `tip` event whose id is its sequence
 * number, so that a reconnecting EventSource (Last-Event-ID) continues where it was. Checked every interval;
 * a comment line now and then keeps proxies from closing the connection. Numbers to call back are never sent.
 */
export async function streamTips(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<HttpDeps, 'progressIntervalMs' | 'logger'>,
  afterSeq: number | null,
  read: (afterSeq: number | null) => Promise<Result<readonly TipForStaff[]>>,
  toJson: (tip: TipForStaff) => unknown,
): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': verbonden\n\n');
  let last = afterSeq;
  let quiet = 0;
  let open = true;
  request.raw.on('close', () => {
    open = false;
  });
  while (open) {
    try {
      const outcome = await read(last);
      if (!outcome.ok) break;
      for (const tip of outcome.value) {
        res.write(`event: tip\nid: ${tip.seq}\ndata: ${JSON.stringify(toJson(tip))}\n\n`);
        last = tip.seq;
      }
      if (outcome.value.length > 0) quiet = 0;
      else if (++quiet % 15 === 0) res.write(': nog verbonden\n\n');
    } catch (error) {
      deps.logger.error({ err: error }, 'tip stream read failed');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, deps.progressIntervalMs));
  }
  res.end();
}
