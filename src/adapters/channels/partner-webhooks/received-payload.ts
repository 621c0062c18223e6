import { z } from 'zod';
import { ACTION_EVENT_KINDS } from '../../../domain/broadcast/action-event.js';

/**
 * What a partner's receiver relies on in a payload; the rest of `data.action` passes through unchecked, as a
 * tolerant reader's would. The simulator checks it, so a payload change that would break partners fails the tests.
 */
const receivedPayloadSchema = z.object({
  type: z.enum(ACTION_EVENT_KINDS),
  timestamp: z.iso.datetime(),
  data: z.looseObject({
    eventId: z.string().min(1),
    sequence: z.number().int().min(1),
    updateText: z.string().nullable(),
    action: z.looseObject({
      id: z.string().min(1),
      status: z.enum(['actief', 'afgesloten', 'ingetrokken']),
      publicUrl: z.url(),
    }),
  }),
});

export type ReceivedPayload = z.infer<typeof receivedPayloadSchema>;

/** The payload, or null when the body is not JSON of that shape. */
export function parseReceivedPayload(body: string): ReceivedPayload | null {
  let json: unknown;
  try {
    json = JSON.parse(body) as unknown;
  } catch {
    return null;
  }
  const parsed = receivedPayloadSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
