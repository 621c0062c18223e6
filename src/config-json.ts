import { z } from 'zod';

/**
 * A configuration value that holds JSON, for `z.string().transform(jsonText)`. A bad one says only "not valid JSON":
 * JSON.parse's own message quotes the text around the error, and such values hold secrets.
 */
export function jsonText(text: string, ctx: z.RefinementCtx): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
    return z.NEVER;
  }
}
