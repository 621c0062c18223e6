/** Registering, changing and finding participants (the participants API and relatiebeheer). */
export type ParticipantError =
  | { readonly code: 'participant.not-found' }
  | { readonly code: 'participant.address-not-found' }
  | { readonly code: 'participant.geocoder-unavailable'; readonly reason: string }
  | { readonly code: 'participant.invalid-phone-number' }
  | { readonly code: 'participant.sms-needs-mobile' }
  | { readonly code: 'participant.out-of-scope' }
  | { readonly code: 'participant.duplicate-registration' };
