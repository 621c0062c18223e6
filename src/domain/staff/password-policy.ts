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
 *   (the service, the user's name or e-mail), also when only digits or symbols were added around such a word,
 *   when letters were swapped for look-alike digits or symbols ("P@ssw0rd"), when it was typed with Shift held
 *   for some keys ("!QAZ2wsx#EDC" is the listed "1qaz2wsx3edc"), or when it is two listed passwords run
 *   together ("P@ssw0rdP@ss").
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

/** The key under each symbol typed with Shift on a US/international QWERTY keyboard (as used in the Netherlands). */
const UNSHIFTED: Record<string, string> = {
  '!': '1',
  '@': '2',
  '#': '3',
  $: '4',
  '%': '5',
  '^': '6',
  '&': '7',
  '*': '8',
  '(': '9',
  ')': '0',
  _: '-',
  '+': '=',
  '{': '[',
  '}': ']',
  '|': '\\',
  ':': ';',
  '"': "'",
  '<': ',',
  '>': '.',
  '?': '/',
  '~': '`',
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
  const unShifted = [...lower].map((c) => UNSHIFTED[c] ?? c).join('');
  return [...new Set([lower, core, unLeet, unLeetCore, noSpaces, unShifted])].filter((f) => f.length > 0);
}

const hasLetters = (text: string) => /\p{L}/u.test(text);

/** True when the password is one word (of the given ones) repeated or padded with digits and symbols only. */
function isOnlyWords(form: string, words: readonly string[]): boolean {
  return words.some((w) => w.length >= 3 && !hasLetters(form.replaceAll(w, '')));
}

/**
 * The same for the blocklist, whose size rules out trying each entry: only the form's own substrings can be the
 * word, so those (of at least `minLength` characters) are looked up. A form without letters counts as listed.
 */
function isOnlyListedWord(form: string, listed: ReadonlySet<string>, minLength: number): boolean {
  if (!hasLetters(form)) return listed.size > 0;
  const tried = new Set<string>();
  for (let start = 0; start <= form.length - minLength; start++) {
    for (let end = start + minLength; end <= form.length; end++) {
      const word = form.slice(start, end);
      if (tried.has(word)) continue;
      tried.add(word);
      if (listed.has(word) && !hasLetters(form.replaceAll(word, ''))) return true;
    }
  }
  return false;
}

/** True when the form is two listed passwords of at least `minLength` characters each, run together. */
function isTwoListedWords(form: string, listed: ReadonlySet<string>, minLength: number): boolean {
  for (let split = minLength; split <= form.length - minLength; split++) {
    if (listed.has(form.slice(0, split)) && listed.has(form.slice(split))) return true;
  }
  return false;
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
        isOnlyListedWord(f, commonPasswords, 5) ||
        isTwoListedWords(f, commonPasswords, 4),
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
