import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { SimulatedMessage, SmtpSimulator } from '../../src/adapters/channels/email-smtp/smtp-simulator.js';
import { eventually, type ApiClient, type TestSystem } from './test-system.js';

/** A DKIM key for a test system (EMAIL_DKIM_PRIVATE_KEY), made once per process: RSA key generation is slow. */
let dkimKey: string | null = null;
export function testDkimKey(): string {
  dkimKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return dkimKey;
}

/** "2026-05-12T21:30": the moment as a datetime-local field holds it in Amsterdam time. */
export function amsterdamLocal(at: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

export const MAIL_ENV = (): Record<string, string> => ({
  EMAIL_DKIM_PRIVATE_KEY: testDkimKey(),
  EMAIL_MESSAGES_PER_SECOND: '1000',
  PUBLIC_BASE_URL: 'http://burgernet.test',
});

/** A participant registered at an address, with an e-mail address confirmed (double opt-in done) unless `confirmed` is false. */
export async function participantWithEmail(
  t: TestSystem,
  api: ApiClient,
  o: { name: string; email: string; postcode: string; houseNumber: number; phone: string; confirmed?: boolean },
): Promise<string> {
  const response = await api.post('/api/v1/participants', {
    name: o.name,
    email: o.email,
    registrations: [
      { phone: o.phone, postcode: o.postcode, houseNumber: o.houseNumber, channel: 'sms', timeWindows: [] },
    ],
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  const id = (response.body as { id: string }).id;
  if (o.confirmed !== false) assert.ok(await t.system.store.selfService.confirmEmail(id, o.email, t.clock.now()));
  return id;
}

export async function templateId(api: ApiClient, kind: string): Promise<string> {
  const response = await api.get('/api/v1/mail-templates');
  assert.equal(response.status, 200);
  const template = (response.body.items as { id: string; kind: string; owner: { kind: string } }[]).find(
    (x) => x.kind === kind && x.owner.kind === 'landelijk',
  );
  assert.ok(template, `a national ${kind} template`);
  return template.id;
}

/** Waits until the mail has gone to everyone it will go to. */
export async function sentMail(
  api: ApiClient,
  mailId: string,
): Promise<{ status: string; figures: Record<string, number> }> {
  return eventually(async () => {
    const response = await api.get(`/api/v1/mails/${mailId}`);
    assert.equal(response.body.status, 'sent', JSON.stringify(response.body));
    return response.body;
  }, 20_000);
}

export function messagesTo(simulator: SmtpSimulator, address: string): SimulatedMessage[] {
  return simulator.messages.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}

export function parse(message: SimulatedMessage): Promise<ParsedMail> {
  return simpleParser(message.raw);
}

export function header(parsed: ParsedMail, name: string): string | undefined {
  return parsed.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');
}

/** The personal links in a mail's text part. */
export function linksIn(parsed: ParsedMail): { unsubscribe: string; answer: string | null } {
  const text = parsed.text ?? '';
  const unsubscribe = /https?:\/\/\S+\/burgernetmail\/afmelden\?t=\S+/.exec(text)?.[0];
  assert.ok(unsubscribe, 'an unsubscribe link in the text');
  return { unsubscribe, answer: /https?:\/\/\S+\/burgernetmail\/antwoord\?t=\S+/.exec(text)?.[0] ?? null };
}

/** A link in a mail points at PUBLIC_BASE_URL; the test system listens elsewhere. */
export function localUrl(t: TestSystem, link: string): string {
  const url = new URL(link);
  return `${t.url}${url.pathname}${url.search}`;
}

/** The answer form behind a buurtonderzoek's personal link, as a participant's browser uses it. */
export async function openForm(
  url: string,
): Promise<{ status: number; cookie: string; action: string | null; text: string }> {
  const response = await fetch(url);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const text = await response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(text)?.[1]?.replace(/&amp;/g, '&') ?? null;
  return { status: response.status, cookie, action, text };
}

export async function postAnswer(
  base: string,
  form: { cookie: string; action: string | null },
  fields: Record<string, string>,
  photo: Uint8Array | null,
): Promise<{ status: number; text: string }> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (photo !== null) body.append('foto', new Blob([photo], { type: 'image/jpeg' }), 'deurbel.jpg');
  const response = await fetch(base + form.action, { method: 'POST', headers: { cookie: form.cookie }, body });
  return { status: response.status, text: await response.text() };
}

/** A mail as the recipient's mail program sees it, taken from the SMTP simulator the system sent it to. */
export interface ReceivedMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  /** The address of List-Unsubscribe (RFC 8058), or null when the mail has none. */
  readonly unsubscribeUrl: string | null;
  readonly listUnsubscribePost: string | null;
  readonly dkimSigned: boolean;
}

/** Waits until the system's SMTP simulator has a mail that matches, and reads it as a mail program would. */
export async function receivedMail(
  t: TestSystem,
  matches: (mail: ReceivedMail) => boolean,
  timeoutMs = 15_000,
): Promise<ReceivedMail> {
  const simulator = t.system.email.simulator;
  assert.ok(simulator, 'the system sends e-mail to its SMTP simulator');
  return eventually(async () => {
    for (const message of [...simulator.messages].reverse()) {
      const parsed = await parse(message);
      const unsubscribe = header(parsed, 'list-unsubscribe');
      const mail: ReceivedMail = {
        to: message.to,
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        unsubscribeUrl: unsubscribe === undefined ? null : unsubscribe.replace(/^<|>$/g, ''),
        listUnsubscribePost: header(parsed, 'list-unsubscribe-post') ?? null,
        dkimSigned: header(parsed, 'dkim-signature') !== undefined,
      };
      if (matches(mail)) return mail;
    }
    return assert.fail('no such mail at the SMTP simulator yet');
  }, timeoutMs);
}
