import type { FastifyReply } from 'fastify';
import type { RateDecision } from '../../../app/ports/rate-limiter.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { sendProblem } from './problem.js';

/** A limit that fails closed and cannot count asks the client to come back this much later. */
export const RATE_LIMIT_UNAVAILABLE_RETRY_SECONDS = 30;

/** The answer to a request its rate limit did not let through: 429 over the limit, 503 when it could not count. */
export function sendRateRefusal(
  reply: FastifyReply,
  deps: { readonly catalogue: Catalogue },
  decision: Exclude<RateDecision, { readonly kind: 'allowed' }>,
): FastifyReply {
  return sendProblem(
    reply,
    deps.catalogue,
    decision.kind === 'limited'
      ? { code: 'request.rate-limited', retryAfterSeconds: decision.retryAfterSeconds }
      : { code: 'request.rate-limit-unavailable', retryAfterSeconds: RATE_LIMIT_UNAVAILABLE_RETRY_SECONDS },
  );
}
