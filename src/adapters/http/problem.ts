import type { FastifyReply } from 'fastify';
import type { AppError } from '../../app/errors.js';
import { assertNever } from '../../domain/assert-never.js';
import type { Catalogue } from '../../domain/messages/catalogue.js';

/** An RFC 9457 problem document. `type` names the error's page under /docs/errors. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code: string;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problem(catalogue: Catalogue, code: string, status: number, extra: Partial<Problem> = {}): Problem {
  return { type: `/docs/errors/${code}`, title: catalogue.problems[code] ?? code, status, code, ...extra };
}

export function statusOf(error: AppError): number {
  switch (error.code) {
    case 'action.not-found':
    case 'participant.not-found':
    case 'photo.not-found':
    case 'tip.not-found':
    case 'meldkamer.not-found':
      return 404;
    case 'auth.forbidden':
    case 'participant.out-of-scope':
      return 403;
    case 'action.wrong-status':
    case 'action.stale-version':
    case 'action.approval-required':
    case 'action.approval-by-self':
    case 'participant.duplicate-registration':
    case 'tip.action-not-active':
      return 409;
    case 'action.invalid-area':
    case 'action.instructions-required':
    case 'action.missing-child-needs-vermissing':
    case 'participant.address-not-found':
    case 'participant.invalid-phone-number':
    case 'participant.sms-needs-mobile':
    case 'photo.not-an-image':
    case 'photo.too-many-pixels':
    case 'tip.invalid-phone-number':
    case 'meldkamer.invalid-phone-number':
      return 422;
    case 'participant.geocoder-unavailable':
      return 503;
    default:
      return assertNever(error);
  }
}

/** A sentence for the person who made the request, from the catalogue. */
function detailOf(catalogue: Catalogue, error: AppError): string | undefined {
  const d = catalogue.problemDetails;
  switch (error.code) {
    case 'action.wrong-status':
      return d.actionWrongStatus({ status: error.actionStatus, allowed: error.allowed });
    case 'action.invalid-area':
      return d.areaProblems[error.problem];
    case 'action.stale-version':
      return d.actionStaleVersion({ currentVersion: error.currentVersion });
    case 'participant.geocoder-unavailable':
      return d.tryAgainLater;
    case 'photo.not-an-image':
      return d.notAnImage;
    case 'photo.too-many-pixels':
      return d.tooManyPixels({ megapixels: Math.round(error.maxPixels / 1_000_000) });
    case 'tip.action-not-active':
      return d.tipActionNotActive;
    case 'tip.invalid-phone-number':
      return d.tipInvalidPhone;
    default:
      return undefined;
  }
}

export function sendAppError(reply: FastifyReply, catalogue: Catalogue, error: AppError): FastifyReply {
  const { code, ...rest } = error;
  const detail = detailOf(catalogue, error);
  const body = problem(catalogue, code, statusOf(error), { ...(detail ? { detail } : {}), ...rest });
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/** 400 with the fields that are wrong, each with a Dutch message; nothing was stored. */
export function sendInvalidFields(
  reply: FastifyReply,
  catalogue: Catalogue,
  errors: readonly { readonly path: string; readonly message: string }[],
): FastifyReply {
  return reply
    .code(400)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem(catalogue, 'request.invalid', 400, { detail: catalogue.problemDetails.checkMarkedFields, errors }));
}
