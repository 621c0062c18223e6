import type { Msisdn } from '../../domain/participant/msisdn.js';

export interface MeldkamerRecord {
  readonly code: string;
  readonly name: string;
  /** Where 0800-0011 puts a caller through to: a SIP URI or an E.164 number. */
  readonly phoneRoutingTarget: string;
  /** The number the app's "Bel politie" dials for this meldkamer's actions; null: not set by beheer. */
  readonly publicPhone: Msisdn | null;
}

export interface MeldkamerDirectory {
  list(): Promise<MeldkamerRecord[]>;
  find(code: string): Promise<MeldkamerRecord | null>;
  setRoutingTarget(code: string, target: string): Promise<boolean>;
  setPublicPhone(code: string, phone: Msisdn | null): Promise<boolean>;
}
