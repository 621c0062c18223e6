import type { Gemeente } from './gemeente.js';

/** Lowercase, without accents, "gemeente" or apostrophes, spaces and dashes alike: "Súdwest-Fryslân" = "sudwest fryslan". */
function normalised(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^gemeente\s+/, '')
    .replace(/['’`]/g, '')
    .replace(/[\s-]+/g, ' ')
    .trim();
}

/**
 * The gemeente a person means by a name or code: "GM0363", "0363", "363", "Amsterdam", "'s-Hertogenbosch",
 * "s hertogenbosch". Names must match whole (a search for "Amster" finds nothing rather than a guess).
 */
export function findGemeente(gemeenten: readonly Gemeente[], text: string): Gemeente | null {
  const wanted = text.trim();
  if (wanted === '' || wanted.length > 100) return null;
  const code = /^(?:GM)?(\d{1,4})$/i.exec(wanted);
  if (code) return gemeenten.find((g) => g.code === `GM${code[1]!.padStart(4, '0')}`) ?? null;
  const name = normalised(wanted);
  return gemeenten.find((g) => normalised(g.name) === name) ?? null;
}
