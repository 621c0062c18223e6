/** A phone number in E.164 form ("+31612345678"), validated at the edge. */
export type Msisdn = string & { readonly __brand: 'Msisdn' };

export const asMsisdn = (e164: string): Msisdn => e164 as Msisdn;
