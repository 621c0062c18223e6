import type { StoredAuditEntry } from '../../../../app/ports/audit-search.js';

const EVENT_NL: Record<string, string> = {
  'staff.logged-in': 'Ingelogd',
  'staff.logged-out': 'Uitgelogd',
  'staff.login-failed': 'Mislukte inlogpoging',
  'staff.login-throttled': 'Inlogpoging geweigerd (te veel pogingen)',
  'staff.session-ended': 'Sessie beëindigd',
  'staff.created': 'Account aangemaakt',
  'staff.activated': 'Account geactiveerd',
  'staff.revoked': 'Account ingetrokken',
  'staff.reset': 'Nieuwe activeringslink',
  'staff.permissions-changed': 'Rol of scope gewijzigd',
  'staff.password-changed': 'Wachtwoord gewijzigd',
  'staff.second-factor-added': 'Tweede stap toegevoegd',
  'staff.sso-linked': 'Gekoppeld aan de inlog van de organisatie',
  'staff.sso-verified': 'Ingelogd via de organisatie (tweede stap volgt)',
  'action.created': 'Actie aangemaakt',
  'action.revised': 'Actie gewijzigd',
  'action.started': 'Actie gestart',
  'action.widened': 'Gebied verruimd',
  'action.updated': 'Vervolgbericht verstuurd',
  'action.closed': 'Actie afgesloten',
  'action.withdrawn': 'Actie ingetrokken',
  'action.approved': 'Actie goedgekeurd',
  'action-type.changed': 'Actietype gewijzigd',
  'participant.viewed': 'Deelnemer ingezien',
  'participant.searched': 'Deelnemers gezocht',
  'mail.created': 'Burgernetmail geschreven',
  'mail.changed': 'Burgernetmail gewijzigd',
  'mail.scheduled': 'Burgernetmail verstuurd of gepland',
  'mail.queued': 'Ontvangers van Burgernetmail klaargezet',
  'mail.stopped': 'Verzending van Burgernetmail gestopt',
  'mail.denied': 'Burgernetmail buiten eigen gebied geweigerd',
  'mail.answers-read': 'Antwoorden op buurtonderzoek ingezien',
  'mail.answers-exported': 'Antwoorden op buurtonderzoek geëxporteerd',
  'mail.answer-photo-viewed': 'Foto bij antwoord bekeken',
  'mail.template-created': 'Mailsjabloon gemaakt',
  'mail.template-changed': 'Mailsjabloon gewijzigd',
  'mail.template-deleted': 'Mailsjabloon verwijderd',
  'mail.sender-changed': 'Afzender van Burgernetmail gewijzigd',
  'participant.email-unsubscribed': 'Afgemeld voor e-mail',
  'participant.email-bounced': 'E-mailadres onbestelbaar',
};

export function auditEventLabel(event: string): string {
  return EVENT_NL[event] ?? event;
}

export function formatDateTime(at: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(at);
}

/** Details as short text; purposes and codes only (entries hold no personal data beyond ids). */
export function auditDetails(entry: StoredAuditEntry): string {
  return Object.entries(entry.details)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}
