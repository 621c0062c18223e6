/** A meldkamer's routing target as the Contact of a 302: a SIP URI as it is, a number as a tel: URI (RFC 3966). */
export function contactUriOf(target: string): string {
  return target.startsWith('+') ? `tel:${target}` : target;
}
