/** A time of day as the meldkamer reads it (Amsterdam), or a dash when there is none yet. */
export function amsterdamTime(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam' }) : '–';
}
