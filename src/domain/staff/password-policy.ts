/**
 * Password rules after NIST SP 800-63B (rev. 4) §3.1.1.2, for staff accounts that always have a second
 * factor as well:
 * - at least 12 characters. NIST asks 8 for a password used only with a second factor (15 alone); these
 *   accounts can alert hundreds of thousands of people, so a leaked hash must resist offline guessing
 *   longer, and a passphrase of three words is easily 12;
 * - at most 128 characters (NIST: allow at least 64), which bounds the hashing work per attempt;
 * - every printable character including spaces and Unicode, compared after NFKC normalisation;
 * - no composition rules (no "one capital, one digit"), no hints, no periodic expiry;
 * - refused when it is on a blocklist of common and breached passwords, or of words that fit the context
 *   (the service, the user's name or e-mail), also when only digits or symbols were added around such a word.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'context' | 'repetitive';

/** Words anyone guessing a Burgernet password tries first. */
const CONTEXT_WORDS = [
  'burgernet',
  'burgernetplein',
  'politie',
  'meldkamer',
  'centralist',
  'gemeente',
  'wachtwoord',
  'welkom',
  'geheim',
  'nederland',
  'holland',
  'amsterdam',
  'rotterdam',
  'utrecht',
  'denhaag',
  'ajax',
  'feyenoord',
  'psv',
  'voorjaar',
  'zomer',
  'herfst',
  'winter',
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
  'maandag',
  'dinsdag',
  'woensdag',
  'donderdag',
  'vrijdag',
  'zaterdag',
  'zondag',
  'qwertyuiop',
  'azertyuiop',
  'abcdefghijkl',
];

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
};

export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

/** The forms of a password compared with the blocklists: as typed, lowercased, and its core word. */
function comparableForms(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const undo = (text: string) => [...text].map((c) => LEET[c] ?? c).join('');
  const unLeet = undo(lower);
  // Digits and symbols around the word first, then leetspeak inside it: "P@ssw0rd2024" → "password".
  const unLeetCore = undo(core).replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const noSpaces = lower.replace(/\s+/g, '');
  return [...new Set([lower, core, unLeet, unLeetCore, noSpaces])].filter((f) => f.length > 0);
}

/** True when the password is one word (of the given ones) repeated or padded with digits and symbols only. */
function isOnlyWords(form: string, words: readonly string[]): boolean {
  return words.some((w) => w.length >= 3 && form.replaceAll(w, '').replace(/[^\p{L}]/gu, '') === '');
}

export interface PasswordContext {
  /** The account's own words: name parts and the e-mail address's parts. */
  readonly personalWords: readonly string[];
}

export function checkPassword(
  password: string,
  commonPasswords: ReadonlySet<string>,
  context: PasswordContext,
): PasswordProblem | null {
  const normalised = normalisePassword(password);
  const length = [...normalised].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  if (new Set(normalised.toLowerCase()).size < 5) return 'repetitive';
  const forms = comparableForms(normalised);
  if (forms.some((f) => commonPasswords.has(f))) return 'common';
  const personal = context.personalWords.map((w) => w.toLowerCase()).filter((w) => w.length >= 3);
  if (
    forms.some(
      (f) =>
        isOnlyWords(f, CONTEXT_WORDS) ||
        isOnlyWords(
          f,
          [...commonPasswords].filter((c) => c.length >= 5),
        ),
    )
  )
    return 'common';
  if (forms.some((f) => isOnlyWords(f, personal) || personal.some((w) => w.length >= 4 && f.includes(w))))
    return 'context';
  return null;
}

/** The personal words of an account: the parts of its name and of its e-mail address. */
export function personalWordsOf(name: string, email: string | null): string[] {
  const parts = `${name} ${email ?? ''}`.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return parts.filter((p) => p.length >= 3 && !['nl', 'com', 'org', 'www'].includes(p));
}
