import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { verifyDkim } from '../../../../test/support/dkim-verifier.js';
import { dkimDnsRecord } from './dkim-key.js';
import { createSmtpEmailChannel, type SmtpRelayOptions } from './smtp-email-channel.js';
import { startSmtpSimulator, type SimulatedMessage, type SmtpSimulator } from './smtp-simulator.js';

const logger = pino({ level: 'silent' });
const fixture = (name: string) =>
  readFile(new URL(`../../../../test/fixtures/smtp-tls/${name}`, import.meta.url), 'utf8');

/** The real adapter (nodemailer, pooled) against a real SMTP server on loopback: STARTTLS, AUTH, DKIM, headers. */
describe('the SMTP e-mail channel', () => {
  let relay: SmtpSimulator;
  let base: SmtpRelayOptions;
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const dnsRecord = dkimDnsRecord(privateKey);

  before(async () => {
    const [key, cert] = await Promise.all([fixture('key.pem'), fixture('cert.pem')]);
    relay = await startSmtpSimulator(
      {
        host: '127.0.0.1',
        port: 0,
        keep: 100,
        tls: { key, cert },
        auth: { username: 'burgernet', password: 'geheim wachtwoord' },
      },
      { logger },
    );
    base = {
      host: 'localhost',
      port: relay.port,
      secure: false,
      requireTls: true,
      ca: cert,
      username: 'burgernet',
      password: 'geheim wachtwoord',
      connections: 2,
      messagesPerSecond: 1_000,
      fromAddress: 'burgernetmail@burgernet.nl',
      fromName: 'Burgernet',
      heloName: 'mail.burgernet.test',
      dkim: { domain: 'burgernet.nl', selector: 'bn2026', privateKey },
      timeoutMs: 5_000,
    };
  });
  after(() => relay.close());

  const nextMessage = (to: string) =>
    new Promise<SimulatedMessage>((resolve) => {
      const stop = relay.onMessage((m) => {
        if (m.to.includes(to)) {
          stop();
          resolve(m);
        }
      });
    });

  test('sends over STARTTLS with authentication: HTML and text, DKIM-signed, one-click unsubscribe, Reply-To and the VERP return path', async () => {
    const channel = createSmtpEmailChannel(base, { logger });
    try {
      await channel.verify();
      const arrived = nextMessage('jan@voorbeeld.nl');
      const outcome = await channel.send({
        to: 'jan@voorbeeld.nl',
        subject: 'Buurtonderzoek: heeft u iets gezien? (Dorpsstraat)',
        text: 'Op dinsdag is er ingebroken.\n\nAfmelden: https://burgernet.test/burgernetmail/afmelden?t=abc',
        html: '<!doctype html><html lang="nl"><body><p>Op dinsdag is er ingebroken.</p></body></html>',
        unsubscribeUrl: 'https://burgernet.test/burgernetmail/afmelden?t=abc',
        replyTo: 'veiligheid@gemeente.nl',
        fromName: 'Gemeente Utrecht',
        returnPath: 'bounce+42-0123456789ab@bounce.burgernet.nl',
      });
      assert.equal(outcome.kind, 'accepted');
      const message = await arrived;
      assert.equal(message.secure, true, 'upgraded with STARTTLS');
      assert.equal(message.user, 'burgernet');
      assert.equal(message.from, 'bounce+42-0123456789ab@bounce.burgernet.nl');

      const parsed = await simpleParser(message.raw);
      assert.equal(parsed.subject, 'Buurtonderzoek: heeft u iets gezien? (Dorpsstraat)');
      assert.equal(parsed.from?.value[0]?.address, 'burgernetmail@burgernet.nl');
      assert.equal(parsed.from?.value[0]?.name, 'Gemeente Utrecht');
      assert.equal(parsed.replyTo?.value[0]?.address, 'veiligheid@gemeente.nl');
      const header = (name: string) => parsed.headerLines.find((h) => h.key === name)?.line;
      assert.equal(
        header('list-unsubscribe'),
        'List-Unsubscribe: <https://burgernet.test/burgernetmail/afmelden?t=abc>',
      );
      assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      assert.match(parsed.text ?? '', /Op dinsdag is er ingebroken\./);
      assert.match(String(parsed.html), /<p>Op dinsdag is er ingebroken\.<\/p>/);
      assert.match(header('content-type') ?? '', /multipart\/alternative/);

      const dkim = verifyDkim(message.raw, dnsRecord);
      assert.deepEqual([dkim.ok, dkim.reason, dkim.domain, dkim.selector], [true, 'pass', 'burgernet.nl', 'bn2026']);
      for (const header of ['from', 'subject', 'reply-to', 'list-unsubscribe', 'list-unsubscribe-post'])
        assert.ok(dkim.signedHeaders.includes(header), `${header} is signed`);
      // The verifier can fail: a changed subject or body no longer verifies.
      assert.equal(
        verifyDkim(message.raw.replace('Subject: Buurtonderzoek', 'Subject: Buurtonderzoeq'), dnsRecord).ok,
        false,
      );
      assert.equal(
        verifyDkim(message.raw.replace('ingebroken', 'ingebrokem'), dnsRecord).reason,
        'body hash does not match',
      );
    } finally {
      await channel.close();
    }
  });

  test('an address the relay refuses is rejected for good; refused credentials and a relay that is down are "try later"', async () => {
    const channel = createSmtpEmailChannel(base, { logger });
    try {
      const refused = await channel.send({
        to: 'weigeren@voorbeeld.nl',
        subject: 'x',
        text: 'x',
        unsubscribeUrl: null,
      });
      assert.equal(refused.kind, 'rejected');
    } finally {
      await channel.close();
    }
    const wrongPassword = createSmtpEmailChannel({ ...base, password: 'fout' }, { logger });
    try {
      assert.equal(
        (await wrongPassword.send({ to: 'jan@voorbeeld.nl', subject: 'x', text: 'x', unsubscribeUrl: null })).kind,
        'unavailable',
      );
    } finally {
      await wrongPassword.close();
    }
    const down = createSmtpEmailChannel({ ...base, port: 1, timeoutMs: 1_000 }, { logger });
    try {
      assert.equal(
        (await down.send({ to: 'jan@voorbeeld.nl', subject: 'x', text: 'x', unsubscribeUrl: null })).kind,
        'unavailable',
      );
    } finally {
      await down.close();
    }
  });

  test('refuses to send in the clear when STARTTLS is required and the relay does not offer it', async () => {
    const plain = await startSmtpSimulator({ host: '127.0.0.1', port: 0, keep: 10 }, { logger });
    const channel = createSmtpEmailChannel({ ...base, port: plain.port, username: null, password: null }, { logger });
    try {
      assert.equal(
        (await channel.send({ to: 'jan@voorbeeld.nl', subject: 'x', text: 'x', unsubscribeUrl: null })).kind,
        'unavailable',
      );
      assert.equal(plain.received, 0);
    } finally {
      await channel.close();
      await plain.close();
    }
  });
});
