import type { StoredAuditEntry } from '../../../app/ports/audit-search.js';
import type { AuditDetailTexts } from '../../../domain/messages/audit-details-nl.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { PleinTexts } from '../../../domain/messages/plein-texts.js';

/** An audit event's name as staff read it; an event of an older version that the catalogue no longer knows keeps its name. */
export function auditEventLabel(t: PleinTexts, event: string): string {
  // Read back from the log: an event of an older version is a plain string.
  return (t.auditEvents as Readonly<Record<string, string | undefined>>)[event] ?? event;
}

export function formatDateTime(at: Date): string {
  return new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Amsterdam',
  }).format(at);
}

const DAY = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeZone: 'UTC' });

/** What the audit pages need to put an entry in words: the texts, whom an id names, and who is looking. */
export interface AuditWords {
  readonly catalogue: Catalogue;
  /** Staff ids with their names, as far as the page knows them (auditNames). */
  readonly names: ReadonlyMap<string, string>;
  /** The logged-in staff member: an entry about them is about "uw eigen account". */
  readonly viewerId: string | null;
}

/** Names for the staff ids on a page: the actors of its entries, and any accounts the page has at hand. */
export function auditNames(
  entries: readonly StoredAuditEntry[],
  staff: readonly { readonly id: string; readonly name: string }[] = [],
): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of entries) if (e.actorId !== null) names.set(e.actorId, e.actorName);
  for (const s of staff) names.set(s.id, s.name);
  return names;
}

/** Who did it: the staff member's name, or what the system calls itself in words ("cli" is the command line). */
export function auditActor(entry: StoredAuditEntry, words: AuditWords): string {
  const actors = words.catalogue.plein.auditDetails.actors as Readonly<Record<string, string | undefined>>;
  return entry.actorId === null ? (actors[entry.actorName] ?? entry.actorName) : entry.actorName;
}

/** What an entry is about, in words: the action's or mail's number, a colleague's name; never an id. */
export function auditSubject(entry: StoredAuditEntry, words: AuditWords): string {
  const s = words.catalogue.plein.auditDetails.subjects;
  const number = textOf(entry.details.number) ?? textOf(entry.details.actionNumber);
  switch (entry.subjectType) {
    case 'action':
      return s.action(number);
    case 'mail':
      return s.mail(number);
    case 'staff':
      if (entry.subjectId !== null && entry.subjectId === words.viewerId) return s.ownAccount;
      return s.staff(entry.subjectId === null ? null : (words.names.get(entry.subjectId) ?? null));
    case 'participant':
      return s.participant;
    case 'registration':
      return s.registration;
    case 'system':
      return s.system;
    default:
      // A subject type of another version: nothing to say about it rather than its code.
      return '';
  }
}

/**
 * An entry's details as short Dutch text ("status: actief, resultaat: Gevonden"). Each detail is put in words by
 * its kind; a detail the catalogue has no words for (ids, sizes, technical fields) is left out, so a key or an id
 * never reaches the page. Entries hold no personal data beyond ids.
 */
export function auditDetails(entry: StoredAuditEntry, words: AuditWords): string {
  const d = words.catalogue.plein.auditDetails;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(entry.details)) {
    if (value === null || value === undefined) continue;
    const phrase = phraseOf(d, key, value);
    if (phrase !== null) {
      if (phrase !== '') parts.push(phrase);
      continue;
    }
    if (!(key in d.labels)) continue;
    const label = key as LabelKey;
    const shown = DETAIL_KINDS[label](value, words, label);
    if (shown !== null && shown !== '') parts.push(`${d.labels[label]}: ${shown}`);
  }
  return parts.join(', ');
}

type LabelKey = keyof AuditDetailTexts['labels'];
type ValueKey = keyof AuditDetailTexts['values'];
type Shown = (value: unknown, words: AuditWords, key: LabelKey) => string | null;

/** A flag that is true, or a "via"/"by" that says how: a phrase without a label. */
function phraseOf(d: AuditDetailTexts, key: string, value: unknown): string | null {
  if (key in d.flags) return value === true ? d.flags[key as keyof AuditDetailTexts['flags']] : '';
  if (key === 'via' || key === 'by') return choiceOf(d, key, value) ?? '';
  return null;
}

function choiceOf(d: AuditDetailTexts, key: ValueKey, value: unknown): string | null {
  const choices = d.values[key] as Readonly<Record<string, string | undefined>>;
  return typeof value === 'string' ? (choices[value] ?? null) : null;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 79)}…` : value;
  if (typeof value === 'number') return String(value);
  return null;
}

function recordOf(value: unknown): Readonly<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Readonly<Record<string, unknown>>)
    : null;
}

function lookup(map: Readonly<Record<string, string>>, value: unknown): string | null {
  return typeof value === 'string' ? ((map as Readonly<Record<string, string | undefined>>)[value] ?? null) : null;
}

const text: Shown = (value) => textOf(value);
const count: Shown = (value) => (typeof value === 'number' ? String(value) : null);
const yesNo: Shown = (value, w) =>
  typeof value === 'boolean' ? (value ? w.catalogue.plein.auditDetails.yes : w.catalogue.plein.auditDetails.no) : null;
const choice: Shown = (value, w, key) => choiceOf(w.catalogue.plein.auditDetails, key as ValueKey, value);
const moment: Shown = (value) => {
  const at = typeof value === 'string' ? new Date(value) : null;
  return at === null || Number.isNaN(at.getTime()) ? null : formatDateTime(at);
};
const day: Shown = (value) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? DAY.format(new Date(value.slice(0, 10))) : null;
const scope: Shown = (value, w) => {
  const s = recordOf(value);
  const words = w.catalogue.plein.auditDetails.scope;
  if (s?.kind === 'landelijk') return words.landelijk;
  if (s?.kind === 'meldkamer' && typeof s.meldkamerCode === 'string') return words.meldkamer(s.meldkamerCode);
  if (s?.kind === 'gemeente' && typeof s.gemeenteCode === 'string') return words.gemeente(s.gemeenteCode);
  return null;
};
/** A role with its meldkamer or gemeente ("Centralist, meldkamer RE05"). */
const roleAndScope: Shown = (value, w) => {
  const r = recordOf(value);
  const role = r === null ? null : lookup(w.catalogue.plein.roles, r.role);
  if (r === null || role === null) return null;
  const words = w.catalogue.plein.auditDetails.scope;
  const where =
    typeof r.meldkamerCode === 'string'
      ? words.meldkamer(r.meldkamerCode)
      : typeof r.gemeenteCode === 'string'
        ? words.gemeente(r.gemeenteCode)
        : words.landelijk;
  return `${role} (${where})`;
};
const area: Shown = (value, w) => {
  const a = recordOf(value);
  const words = w.catalogue.plein.auditDetails.area;
  if (a?.kind === 'circle' && typeof a.radiusMetres === 'number') return words.circle(a.radiusMetres);
  return a?.kind === 'polygon' ? words.polygon : null;
};
const publication: Shown = (value, w) => {
  const p = recordOf(value);
  const words = w.catalogue.plein.auditDetails.publication;
  return typeof p?.public === 'boolean' ? (p.public ? words.shown : words.hidden) : null;
};
const shownCount: Shown = (value, w) =>
  Array.isArray(value) ? w.catalogue.plein.auditDetails.shown(value.length) : null;
const codes: Shown = (value) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').join(', ') : null;
const fieldNames: Shown = (value, w) =>
  Array.isArray(value)
    ? value
        .map((f) => choiceOf(w.catalogue.plein.auditDetails, 'fields', f))
        .filter((f): f is string => f !== null)
        .join(', ')
    : null;
const eventName: Shown = (value, w) => (typeof value === 'string' ? auditEventLabel(w.catalogue.plein, value) : null);
const colleague: Shown = (value, w) =>
  typeof value === 'string' ? (w.names.get(value) ?? w.catalogue.plein.auditDetails.someStaff) : null;
const status: Shown = (value, w) =>
  lookup(w.catalogue.plein.actionStatuses, value) ?? lookup(w.catalogue.mail.statuses, value);
const purpose: Shown = (value, w) =>
  lookup(w.catalogue.plein.consoleScript.callbackNumber.purposes, value) ?? textOf(value);

/** How each named detail is shown. */
const DETAIL_KINDS: Readonly<Record<LabelKey, Shown>> = {
  number: text,
  actionNumber: text,
  status,
  type: (value, w) => lookup(w.catalogue.actionTypes, value),
  meldkamerCode: text,
  meldkamerCodes: codes,
  gemeenteCode: text,
  text,
  result: (value, w) => lookup(w.catalogue.results, value),
  closingText: text,
  version: count,
  startedBy: colleague,
  files: count,
  requiresApproval: yesNo,
  purpose,
  note: text,
  target: text,
  publicPhone: text,
  registrations: count,
  fields: fieldNames,
  attempted: choice,
  scope,
  rows: count,
  goodRows: count,
  badRows: count,
  stored: count,
  participantsCreated: count,
  channel: choice,
  from: moment,
  until: moment,
  to: moment,
  startsOn: day,
  endsOn: day,
  kind: (value, w) => lookup(w.catalogue.mail.kinds, value),
  subject: text,
  recipients: count,
  sendAt: moment,
  apiTokenExpiresAt: moment,
  dryRun: yesNo,
  cancelled: count,
  answers: count,
  role: (value, w) => lookup(w.catalogue.plein.roles, value),
  before: roleAndScope,
  after: roleAndScope,
  factor: choice,
  method: choice,
  secondFactor: choice,
  provider: text,
  step: choice,
  knownAccount: yesNo,
  reason: choice,
  failures: count,
  otherSessionsEnded: count,
  event: eventName,
  area,
  publication,
  shown: shownCount,
  next: choice,
};
