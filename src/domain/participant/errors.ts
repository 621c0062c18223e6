/** Registering, changing and finding participants (the participants API and relatiebeheer). */
export type ParticipantError =
  | { readonly code: 'participant.not-found' }
  | { readonly code: 'participant.address-not-found' }
  | { readonly code: 'participant.geocoder-unavailable'; readonly reason: string }
  | { readonly code: 'participant.invalid-phone-number' }
  | { readonly code: 'participant.sms-needs-mobile' }
  | { readonly code: 'participant.out-of-scope' }
  | { readonly code: 'participant.duplicate-registration' }
  /** Relatiebeheer: too many imports running, for this account or in all; nothing was read or stored. */
  | { readonly code: 'relatiebeheer.import-busy'; readonly scope: 'account' | 'system'; readonly limit: number }
  /** Relatiebeheer: an upload of more rows or bytes than allowed (`max`); nothing was stored. */
  | { readonly code: 'relatiebeheer.import-too-large'; readonly limit: 'rows' | 'bytes'; readonly max: number };

/** Why an import was refused before it ran (audited as relatiebeheer.import-refused). */
export type ImportRefusal = 'busy-account' | 'busy-system' | 'too-many-rows' | 'too-many-bytes';
