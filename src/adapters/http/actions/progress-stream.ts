import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Result } from '../../../domain/result.js';
import type { ActionProgress } from '../../../app/ports/dispatch-repository.js';
import type { ActionStatus } from '../../../domain/action/action.js';
import type { HttpDeps } from '../server/http-deps.js';
import { progressJson } from './action-schemas.js';

/**
 * Server-sent events: a `progress` event whenever the counts change (checked every interval), and a comment
 * line now and then so that proxies keep the connection open. Ends when the client goes away.
 */
export async function streamProgress(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<HttpDeps, 'progressIntervalMs' | 'logger'>,
  read: () => Promise<Result<ActionProgress & { status: ActionStatus }>>,
): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let last = '';
  let ticks = 0;
  let open = true;
  request.raw.on('close', () => {
    open = false;
  });
  while (open) {
    try {
      const outcome = await read();
      if (!outcome.ok) break;
      const data = JSON.stringify({ status: outcome.value.status, ...progressJson(outcome.value) });
      if (data !== last) {
        res.write(`event: progress\ndata: ${data}\n\n`);
        last = data;
      } else if (++ticks % 15 === 0) {
        res.write(': nog verbonden\n\n');
      }
    } catch (error) {
      deps.logger.error({ err: error }, 'progress stream read failed');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, deps.progressIntervalMs));
  }
  res.end();
}
