import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { startBounceListener, type BounceListener, type InboundReport } from './bounce-listener.js';
import { buildDsn } from './dsn-message.js';
import { parseDeliveryStatus } from './dsn-parser.js';

const logger = pino({ level: 'silent' });

test('a delivery-status body is read per recipient, with folding, odd case and CRLF or LF', () => {
  const text =
    'Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: RFC822; <jan@voorbeeld.nl>\r\nACTION: Failed\r\nStatus: 5.1.1 (no such user)\r\nDiagnostic-Code: smtp; 550 5.1.1\r\n  user unknown\r\n\r\nfinal-recipient: rfc822;piet@voorbeeld.nl\naction: delivered\nstatus: 2.0.0\n';
  assert.deepEqual(parseDeliveryStatus(text), [
    {
      finalRecipient: 'jan@voorbeeld.nl',
      originalRecipient: null,
      action: 'failed',
      status: '5.1.1',
      diagnostic: 'smtp; 550 5.1.1 user unknown',
    },
    {
      finalRecipient: 'piet@voorbeeld.nl',
      originalRecipient: null,
      action: 'delivered',
      status: '2.0.0',
      diagnostic: null,
    },
  ]);
  assert.deepEqual(parseDeliveryStatus('geen rapport'), []);
  assert.deepEqual(parseDeliveryStatus(''), []);
});

describe('the inbound bounce listener', () => {
  let listener: BounceListener;
  const reports: InboundReport[] = [];
  let failNext = false;

  before(async () => {
    listener = await startBounceListener(
      {
        host: '127.0.0.1',
        port: 0,
        bounceDomain: 'bounce.burgernet.test',
        maxMessageBytes: 64 * 1024,
        maxConnections: 10,
      },
      {
        logger,
        onReport: async (report) => {
          if (failNext) {
            failNext = false;
            throw new Error('database away');
          }
          reports.push(report);
        },
      },
    );
  });
  after(() => listener.close());

  const send = (to: string, raw: string) => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: listener.port,
      secure: false,
      ignoreTLS: true,
      logger: false,
    });
    return transport
      .sendMail({ envelope: { from: 'MAILER-DAEMON@mx.example', to: [to] }, raw })
      .finally(() => transport.close());
  };
  const dsn = (to: string) =>
    buildDsn({
      reportingMta: 'mx.example',
      to,
      recipients: [
        { address: 'jan@voorbeeld.invalid', action: 'failed', status: '5.1.1', diagnostic: '550 5.1.1 unknown' },
      ],
      originalHeaders: 'Subject: x',
      at: new Date(),
    });

  test('takes an RFC 3464 report for a VERP address and hands on its envelope recipient and fields', async () => {
    await send('bounce+17-0123456789ab@bounce.burgernet.test', dsn('bounce+17-0123456789ab@bounce.burgernet.test'));
    const report = reports.at(-1)!;
    assert.deepEqual(report.envelopeRecipients, ['bounce+17-0123456789ab@bounce.burgernet.test']);
    assert.deepEqual(
      report.recipients.map((r) => [r.finalRecipient, r.action, r.status]),
      [['jan@voorbeeld.invalid', 'failed', '5.1.1']],
    );
  });

  test('refuses mail for anyone else (no relaying), and answers 451 when the report could not be stored', async () => {
    await assert.rejects(
      send('postmaster@bounce.burgernet.test', dsn('x')),
      (e: { responseCode?: number }) => e.responseCode === 550,
    );
    await assert.rejects(
      send('bounce+1-aaaaaaaaaaaa@elders.nl', dsn('x')),
      (e: { responseCode?: number }) => e.responseCode === 550,
    );
    failNext = true;
    const before = reports.length;
    await assert.rejects(
      send('bounce+18-0123456789ab@bounce.burgernet.test', dsn('x')),
      (e: { responseCode?: number }) => e.responseCode === 451,
    );
    assert.equal(reports.length, before);
  });

  test('a message that is no report is taken with no recipients', async () => {
    await send(
      'bounce+19-0123456789ab@bounce.burgernet.test',
      'From: iemand@voorbeeld.nl\r\nSubject: Afwezig\r\n\r\nIk ben met vakantie.\r\n',
    );
    assert.deepEqual(reports.at(-1)!.recipients, []);
  });
});
