import smpp from 'smpp';

/** SMPP 3.4 command_status values (§5.1.3) this adapter and its simulator act on. */
export const COMMAND_STATUS = {
  ok: 0x00,
  invalidCommandId: 0x03,
  invalidBindStatus: 0x04,
  systemError: 0x08,
  invalidDestinationAddress: 0x0b,
  bindFailed: 0x0d,
  messageQueueFull: 0x14,
  submitFailed: 0x45,
  throttled: 0x58,
} as const;

const namesByCode = new Map<number, string>(Object.entries(smpp.errors).map(([name, code]) => [code, name]));

/** "ESME_RTHROTTLED", or "0x58" for a code the library does not name. */
export function commandStatusName(status: number): string {
  return namesByCode.get(status) ?? `0x${status.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * What a submit_sm_resp status means for the message:
 * - throttled: the SMSC wants us slower; the same PDU goes again after a pause,
 * - transient: the SMSC or our bind is in trouble, not the message; safe to retry later,
 * - permanent: the message itself was refused.
 */
export type SubmitStatusClass = 'ok' | 'throttled' | 'transient' | 'permanent';

export function classifySubmitStatus(status: number): SubmitStatusClass {
  switch (status) {
    case COMMAND_STATUS.ok:
      return 'ok';
    case COMMAND_STATUS.throttled:
    case COMMAND_STATUS.messageQueueFull:
      return 'throttled';
    case COMMAND_STATUS.invalidBindStatus:
    case COMMAND_STATUS.systemError:
      return 'transient';
    default:
      return 'permanent';
  }
}
