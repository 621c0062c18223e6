import type { FastifyRequest } from 'fastify';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { ProblemError } from './problem-table.js';

export interface UploadLimits {
  /** The largest file; a larger one is refused as a whole, nothing of it kept. */
  readonly maxFileBytes: number;
  /** The text fields the form may have, each at most `maxFieldBytes`. */
  readonly fields: readonly string[];
  readonly fileField: string;
  readonly maxFieldBytes: number;
}

export type UploadProblem = 'file-too-large' | 'field-too-large' | 'malformed' | 'unexpected-field' | 'not-multipart';

export type UploadOutcome =
  | { readonly ok: true; readonly fields: Readonly<Record<string, string>>; readonly file: Uint8Array | null }
  | { readonly ok: false; readonly problem: UploadProblem };

interface PartLike {
  readonly type: 'file' | 'field';
  readonly fieldname: string;
  readonly value?: unknown;
  readonly valueTruncated?: boolean;
  toBuffer?: () => Promise<Buffer>;
}

/**
 * Reads a multipart/form-data request (one photo and a few text fields) into memory within the limits. The
 * file is read through to check its size and then handed on; nothing touches the disk here.
 */
export async function readUpload(request: FastifyRequest, limits: UploadLimits): Promise<UploadOutcome> {
  if (!request.isMultipart()) return { ok: false, problem: 'not-multipart' };
  const fields: Record<string, string> = {};
  let file: Uint8Array | null = null;
  try {
    const parts = request.parts({
      limits: {
        fileSize: limits.maxFileBytes,
        files: 1,
        fields: limits.fields.length,
        fieldSize: limits.maxFieldBytes,
        parts: limits.fields.length + 1,
        headerPairs: 50,
      },
    }) as AsyncIterable<PartLike>;
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== limits.fileField || file !== null || part.toBuffer === undefined)
          return { ok: false, problem: 'unexpected-field' };
        const buffer = await part.toBuffer();
        // An empty file input ("no photo chosen") sends a part without bytes.
        file = buffer.byteLength === 0 ? null : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } else {
        if (!limits.fields.includes(part.fieldname) || part.fieldname in fields)
          return { ok: false, problem: 'unexpected-field' };
        if (part.valueTruncated || typeof part.value !== 'string') return { ok: false, problem: 'field-too-large' };
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return { ok: false, problem: 'file-too-large' };
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
      return { ok: false, problem: 'unexpected-field' };
    return { ok: false, problem: 'malformed' };
  }
  return { ok: true, fields, file };
}

/** The error that answers an upload that could not be read; nothing of it was kept. */
export function uploadError(problem: UploadProblem, catalogue: Catalogue, maxFileBytes: number): ProblemError {
  switch (problem) {
    case 'file-too-large':
      return { code: 'photo.too-large', maxBytes: maxFileBytes };
    case 'field-too-large':
      return {
        code: 'request.invalid',
        reason: 'fields',
        errors: [{ path: '/', message: catalogue.problemDetails.uploadFieldTooLong }],
      };
    case 'unexpected-field':
      return {
        code: 'request.invalid',
        reason: 'fields',
        errors: [{ path: '/', message: catalogue.problemDetails.uploadUnexpectedField }],
      };
    case 'not-multipart':
      return { code: 'upload.not-multipart' };
    case 'malformed':
      return { code: 'upload.malformed' };
  }
}
