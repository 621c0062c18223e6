/** One recipient's fields in a delivery status notification (RFC 3464 §2.3). */
export interface DsnRecipientFields {
  readonly finalRecipient: string | null;
  readonly originalRecipient: string | null;
  readonly action: string;
  readonly status: string | null;
  readonly diagnostic: string | null;
}

const MAX_RECIPIENTS = 100;

/** "rfc822; user@example.nl" → "user@example.nl". */
function addressOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  const semicolon = value.indexOf(';');
  return (semicolon >= 0 ? value.slice(semicolon + 1) : value).trim().replace(/^<|>$/g, '') || null;
}

/** Header-style fields of one group; folded lines (starting with white space) continue the previous field. */
function fieldsOf(group: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | null = null;
  for (const line of group.split('\n')) {
    if (/^[ \t]/.test(line) && last !== null) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(last)) fields.set(last, line.slice(colon + 1).trim());
  }
  return fields;
}

/**
 * Reads the body of a `message/delivery-status` part: a group of per-message fields, then a group per recipient,
 * separated by blank lines. Groups without an Action are not recipients. Tolerant of CRLF and LF, folding and
 * case; never throws.
 */
export function parseDeliveryStatus(text: string): DsnRecipientFields[] {
  const groups = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((g) => g.trim())
    .filter(Boolean);
  const recipients: DsnRecipientFields[] = [];
  for (const group of groups.slice(1)) {
    const f = fieldsOf(group);
    const action = f.get('action');
    if (action === undefined) continue;
    recipients.push({
      finalRecipient: addressOf(f.get('final-recipient')),
      originalRecipient: addressOf(f.get('original-recipient')),
      action: action.toLowerCase(),
      status: /^[245]\.[0-9]{1,3}\.[0-9]{1,3}/.exec(f.get('status') ?? '')?.[0] ?? null,
      diagnostic: f.get('diagnostic-code')?.slice(0, 300) ?? null,
    });
    if (recipients.length >= MAX_RECIPIENTS) break;
  }
  return recipients;
}
