import type { Msisdn } from '../participant/msisdn.js';
import type { StoredImage } from '../photo/stored-image.js';

/**
 * What an app user sends the meldkamer during an action: a short text ("ik zie hem nu bij het station"),
 * perhaps a photo and a number to be called back on. Personal data: kept only for the action's retention,
 * never logged, and a read of the number is audited.
 */
export interface Tip {
  readonly id: string;
  /** Arrival order, for the live stream. */
  readonly seq: number;
  readonly actionId: string;
  readonly text: string;
  readonly callbackMsisdn: Msisdn | null;
  readonly photo: StoredImage | null;
  readonly receivedAt: Date;
}

export const TIP_TEXT_MAX_LENGTH = 500;
