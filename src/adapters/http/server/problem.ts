import type { FastifyReply } from 'fastify';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { PROBLEM_TABLE, type ProblemEntry, type ProblemError } from './problem-table.js';
import type { FieldError } from './request-error.js';

/** An RFC 9457 problem document. `type` names the error's page under /docs/errors. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

function entryOf(error: ProblemError): ProblemEntry<ProblemError> {
  // The table is typed per code; looking one up by a code of the whole union loses which error goes with which entry.
  return PROBLEM_TABLE[error.code] as ProblemEntry<ProblemError>;
}

/** The status the table gives this error (pages answer with it too). */
export function problemStatus(error: ProblemError): number {
  const { status } = entryOf(error);
  return typeof status === 'number' ? status : status(error);
}

export function problemOf(catalogue: Catalogue, error: ProblemError): Problem {
  const entry = entryOf(error);
  const detail = entry.detail?.(error, catalogue);
  return {
    type: `/docs/errors/${error.code}`,
    title: catalogue.problems[error.code] ?? error.code,
    status: problemStatus(error),
    code: error.code,
    ...(detail ? { detail } : {}),
    ...entry.extensions?.(error, catalogue),
  };
}

/** Answers the error as `application/problem+json`, with the headers its code calls for (Retry-After, WWW-Authenticate). */
export function sendProblem(reply: FastifyReply, catalogue: Catalogue, error: ProblemError): FastifyReply {
  const body = problemOf(catalogue, error);
  for (const [name, value] of Object.entries(entryOf(error).headers?.(error) ?? {})) reply.header(name, value);
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/** 400 with the fields that are wrong, each with a Dutch message; nothing was stored. */
export function sendInvalidFields(
  reply: FastifyReply,
  catalogue: Catalogue,
  errors: readonly FieldError[],
): FastifyReply {
  return sendProblem(reply, catalogue, { code: 'request.invalid', reason: 'fields', errors });
}
