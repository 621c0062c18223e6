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
  | { readonly kind: 'address'; readonly postcode: string; readonly houseNumber: number; readonly radiusMetres: number }
  | { readonly kind: 'area'; readonly area: unknown };

/** The count's answer: how many, and the audience in words ("Damrak 1, Amsterdam, straal 500 m"). */
interface CountAnswer {
  readonly recipients?: number;
  readonly summary?: string;
  readonly title?: string;
  readonly detail?: string;
}

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

/** The address and radius once they look complete: the server looks the address up when it counts. */
function addressAudience(): Audience | null {
  const postcode = byId('veld-adresPostcode', HTMLInputElement).value.replace(/\s+/g, '').toUpperCase();
  const houseNumber = Number(byId('veld-adresHuisnummer', HTMLInputElement).value);
  const radiusMetres = Number(byId('veld-straal', HTMLInputElement).value);
  if (!/^[1-9][0-9]{3}[A-Z]{2}$/.test(postcode)) return null;
  if (!Number.isInteger(houseNumber) || houseNumber < 1 || houseNumber > 99_999) return null;
  if (!Number.isInteger(radiusMetres) || radiusMetres < 100 || radiusMetres > 50_000) return null;
  return { kind: 'address', postcode, houseNumber, radiusMetres };
}

/**
 * The live count of recipients under the audience, with the audience in words (`chosen` is the audience kind,
 * `areaField` holds the drawn area as JSON): asked 300 ms after the last change; an answer to an older question
 * is dropped.
 */
export function createAudienceCount(
  texts: ComposeTexts,
  chosen: () => string,
  areaField: HTMLInputElement,
): () => void {
  const count = byId('aantal');
  const summary = byId('samenvatting');
  const csrf = csrfToken();
  const show = (countText: string, summaryText = '') => {
    count.textContent = countText;
    summary.textContent = summaryText;
  };

  function audience(): Audience | null {
    switch (chosen()) {
      case 'gemeente': {
        const gemeenteCode = byId('veld-gemeente', HTMLSelectElement).value;
        return gemeenteCode ? { kind: 'gemeente', gemeenteCode } : null;
      }
      case 'postcodes': {
        const ranges = postcodeRanges(byId('veld-postcodes', HTMLInputElement).value);
        return ranges.length > 0 ? { kind: 'postcodes', ranges } : null;
      }
      case 'adres':
        return addressAudience();
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
    const mine = ++asked;
    if (!body) {
      show(texts.countNone);
      return;
    }
    try {
      const response = await fetch('/api/v1/audience-counts', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ audience: body }),
      });
      const json = (await response.json().catch(() => ({}))) as CountAnswer;
      if (mine !== asked) return;
      const n = json.recipients;
      if (!response.ok || n === undefined) {
        show([json.title, json.detail].filter(Boolean).join(': ') || texts.countFailed);
        return;
      }
      show(
        (n === 1 ? texts.countOne : texts.countOther).replace('{n}', () => n.toLocaleString('nl-NL')),
        json.summary ?? '',
      );
    } catch {
      if (mine === asked) show(texts.countFailed);
    }
  }

  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => void ask(), DEBOUNCE_MS);
  };
}
