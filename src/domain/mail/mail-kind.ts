/** What a Burgernetmail is about; each kind has its national template and asks for its own fields. */
export type MailKind = 'buurtonderzoek' | 'verdachte-situatie' | 'preventietips' | 'uitnodiging' | 'nieuwsbrief';
export const MAIL_KINDS: readonly MailKind[] = [
  'buurtonderzoek',
  'verdachte-situatie',
  'preventietips',
  'uitnodiging',
  'nieuwsbrief',
];

/** A field a template refers to as `{name}`: plain text the sender fills in; never markup. */
export type MailField = 'datum' | 'tijd' | 'straat' | 'plaats' | 'omschrijving' | 'contact';
export const MAIL_FIELDS: readonly MailField[] = ['datum', 'tijd', 'straat', 'plaats', 'omschrijving', 'contact'];

/** The longest value of each field (characters). */
export const FIELD_MAX_LENGTH: Readonly<Record<MailField, number>> = {
  datum: 10,
  tijd: 5,
  straat: 100,
  plaats: 150,
  omschrijving: 2_000,
  contact: 300,
};

export interface KindFields {
  readonly required: readonly MailField[];
  readonly optional: readonly MailField[];
}

/** Which fields the form of each kind shows, and which must be filled before it can be sent. */
export const KIND_FIELDS: Readonly<Record<MailKind, KindFields>> = {
  buurtonderzoek: { required: ['datum', 'straat', 'omschrijving'], optional: ['tijd', 'contact'] },
  'verdachte-situatie': { required: ['straat', 'omschrijving'], optional: ['datum', 'tijd', 'contact'] },
  preventietips: { required: [], optional: ['omschrijving', 'contact'] },
  uitnodiging: { required: ['datum', 'tijd', 'plaats', 'omschrijving'], optional: ['contact'] },
  nieuwsbrief: { required: ['omschrijving'], optional: ['contact'] },
};

/** The kind's fields in the order a form shows them. */
export function fieldsOf(kind: MailKind): readonly MailField[] {
  const own = new Set([...KIND_FIELDS[kind].required, ...KIND_FIELDS[kind].optional]);
  return MAIL_FIELDS.filter((f) => own.has(f));
}

/** Only a buurtonderzoek asks its readers something: its mails carry a personal link to the answer form. */
export function asksForAnswers(kind: MailKind): boolean {
  return kind === 'buurtonderzoek';
}

export function isMailKind(value: string): value is MailKind {
  return (MAIL_KINDS as readonly string[]).includes(value);
}
