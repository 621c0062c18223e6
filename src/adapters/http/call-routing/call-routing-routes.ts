import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteCaller } from '../../../app/call-routing/route-caller.js';
import { routingReasons } from '../../../domain/call-routing/call-routing.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { AddressAllowList } from '../../call-routing/address-allow-list.js';
import { normaliseCallerNumber } from '../../call-routing/caller-number.js';
import { contactUriOf } from '../../call-routing/contact-uri.js';
import { sendProblem } from '../server/problem.js';

export interface CallRoutingHttpDeps {
  readonly routeCaller: RouteCaller;
  readonly allowed: AddressAllowList;
  /** The platforms' bearer token (from configuration). */
  readonly token: string;
}

const TAG = ['0800-0011'];

const callRoutingBody = z
  .object({
    caller: z
      .string()
      .regex(/^[\x20-\x7e]{0,64}$/)
      .nullable()
      .optional()
      .describe(
        'Het nummer van de beller zoals het platform het kent (+31612345678, 0612345678); leeg of "anonymous": onbekend',
      ),
  })
  .strict();

const callRoutingJson = z.object({
  target: z.string().describe('Doorverbindadres van de meldkamer: een SIP-adres of +E.164-nummer'),
  contact: z.string().describe('Hetzelfde als URI voor een SIP Contact (sip:… of tel:…)'),
  meldkamerCode: z.string().nullable().describe('De meldkamer (null: het landelijke adres)'),
  reason: z.enum(routingReasons as [string, ...string[]]).describe('Waarom deze meldkamer'),
});

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * POST /api/v1/call-routing: the 0800-0011 routing decision for platforms that ask over HTTP. The caller's
 * number travels in the body, never in the URL (which ends up in access logs). Only the platforms'
 * addresses with the platforms' token are answered.
 */
export function callRoutingRoutes(deps: CallRoutingHttpDeps, catalogue: Catalogue): FastifyPluginAsyncZod {
  const expected = digest(deps.token);
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!deps.allowed(request.ip)) return sendProblem(reply, catalogue, { code: 'auth.forbidden' });
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!timingSafeEqual(digest(token), expected))
      return sendProblem(reply, catalogue, {
        code: 'auth.unauthenticated',
        expected: 'token',
        realm: 'burgernet-call-routing',
      });
  };

  return async (app) => {
    app.addHook('onRequest', guard);
    app.post(
      '/call-routing',
      {
        schema: {
          tags: TAG,
          summary: 'Waar moet een beller van 0800-0011 naartoe (voor telefonieplatforms)',
          description:
            'Dezelfde beslissing als de SIP-redirectserver: de meldkamer van de actieve actie die dit nummer het laatst een bericht stuurde, anders die van het aangemelde adres, anders het landelijke adres. Alleen vanaf de adressen van het platform, met zijn token.',
          security: [{ token: [] }],
          body: callRoutingBody,
          response: { 200: callRoutingJson },
        },
      },
      async (request) => {
        const caller = request.body.caller ? normaliseCallerNumber(request.body.caller) : null;
        const decision = await deps.routeCaller(caller, 'http');
        return {
          target: decision.target,
          contact: contactUriOf(decision.target),
          meldkamerCode: decision.meldkamerCode,
          reason: decision.reason,
        };
      },
    );
  };
}
