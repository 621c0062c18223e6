import type { FastifyReply } from 'fastify';
import type { RelationError } from '../../../app/relatiebeheer/relation-access.js';
import { assertNever } from '../../../domain/assert-never.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { PROBLEM_CONTENT_TYPE, problem } from '../problem.js';

export function relationStatus(error: RelationError): number {
  switch (error.code) {
    case 'participant.not-found':
      return 404;
    case 'auth.forbidden':
    case 'relatiebeheer.outside-gemeente':
    case 'participant.out-of-scope':
      return 403;
    case 'participant.duplicate-registration':
      return 409;
    case 'participant.address-not-found':
    case 'participant.sms-needs-mobile':
      return 422;
    case 'participant.geocoder-unavailable':
      return 503;
    default:
      return assertNever(error);
  }
}

export function sendRelationError(reply: FastifyReply, catalogue: Catalogue, error: RelationError): FastifyReply {
  const status = relationStatus(error);
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(problem(catalogue, error.code, status));
}
