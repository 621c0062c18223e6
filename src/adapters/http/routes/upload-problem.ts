import type { FastifyReply } from 'fastify';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { UploadOutcome } from '../multipart-upload.js';
import { PROBLEM_CONTENT_TYPE, problem, sendInvalidFields } from '../problem.js';

/** The Dutch answer to an upload that could not be read; nothing of it was kept. */
export function sendUploadProblem(
  reply: FastifyReply,
  catalogue: Catalogue,
  refused: Extract<UploadOutcome, { ok: false }>,
  maxPhotoBytes: number,
): FastifyReply {
  const megabytes = Math.floor(maxPhotoBytes / (1024 * 1024));
  switch (refused.problem) {
    case 'file-too-large':
      return reply
        .code(413)
        .type(PROBLEM_CONTENT_TYPE)
        .send(problem(catalogue, 'photo.too-large', 413, { detail: catalogue.problemDetails.photoTooLarge({ megabytes }), maxBytes: maxPhotoBytes }));
    case 'field-too-large':
      return sendInvalidFields(reply, catalogue, [{ path: '/', message: catalogue.problemDetails.uploadFieldTooLong }]);
    case 'unexpected-field':
      return sendInvalidFields(reply, catalogue, [{ path: '/', message: catalogue.problemDetails.uploadUnexpectedField }]);
    case 'not-multipart':
      return reply.code(415).type(PROBLEM_CONTENT_TYPE).send(problem(catalogue, 'upload.not-multipart', 415));
    case 'malformed':
      return reply.code(400).type(PROBLEM_CONTENT_TYPE).send(problem(catalogue, 'upload.malformed', 400));
  }
}
