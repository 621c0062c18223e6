import { csrfToken } from '../csrf-token.js';
import { byId } from '../elements.js';

/** What the compose page's script writes; {n} is the number of recipients it fills in. */
export interface ComposeTexts {
  readonly countOne: string;
  readonly countOther: string;
  readonly countFailed: string;
  readonly countNone: string;
  readonly mapAttribution: string;
}

/** The audience as /api/v1/audience-counts and the mail API take it. */
type Audience =
  | { readonly kind: 'gemeente'; readonly gemeenteCode: string }
  | { readonly kind: 'postcodes'; readonly ranges: readonly { readonly from: string; readonly to: string }[] }
  | { readonly kind: 'area'; readonly area: unknown };

const DEBOUNCE_MS = 300;

/** "3511, 3512 AB-3514 ZZ" as ranges; each range is one postcode or "from-to". */
function postcodeRanges(text: string): { from: string; to: string }[] {
  return text
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [from = '', to] = p.split(/\s*[-–]\s*/);
      return { from: from.replace(/\s+/g, '').toUpperCase(), to: (to ?? from).replace(/\s+/g, '').toUpperCase() };
    });
}

/**
 * The live count of recipients under the audience (`chosen` is the audience kind, `areaField` holds the drawn
 * area as JSON): asked 300 ms after the last change; an answer to an older question is dropped.
 */
export function createAudienceCount(
  texts: ComposeTexts,
  chosen: () => string,
  areaField: HTMLInputElement,
): () => void {
  const count = byId('aantal');
  const csrf = csrfToken();

  function audience(): Audience | null {
    switch (chosen()) {
      case 'gemeente':
        return { kind: 'gemeente', gemeenteCode: byId('veld-gemeente', HTMLSelectElement).value };
      case 'postcodes': {
        const ranges = postcodeRanges(byId('veld-postcodes', HTMLInputElement).value);
        return ranges.length > 0 ? { kind: 'postcodes', ranges } : null;
      }
      case 'gebied':
        return areaField.value ? { kind: 'area', area: JSON.parse(areaField.value) } : null;
      default:
        return null;
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  async function ask(): Promise<void> {
    let body: Audience | null;
    try {
      body = audience();
    } catch {
      // The hidden area field is not JSON (edited by hand): nothing to count.
      body = null;
    }
    if (!body) {
      count.textContent = texts.countNone;
      return;
    }
    const mine = ++asked;
    try {
      const response = await fetch('/api/v1/audience-counts', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ audience: body }),
      });
      const json = (await response.json().catch(() => ({}))) as { recipients: number; title?: string; detail?: string };
      if (mine !== asked) return;
      if (!response.ok) {
        count.textContent = [json.title, json.detail].filter(Boolean).join(': ') || texts.countFailed;
        return;
      }
      const n = json.recipients;
      count.textContent = (n === 1 ? texts.countOne : texts.countOther).replace('{n}', () => n.toLocaleString('nl-NL'));
    } catch {
      count.textContent = texts.countFailed;
    }
  }

  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => void ask(), DEBOUNCE_MS);
  };
}
