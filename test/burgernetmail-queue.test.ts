import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, describe, test } from 'node:test';
import { startSmscSimulator, type SmscSimulator } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';
import type { SmtpSimulator } from '../src/adapters/channels/email-smtp/smtp-simulator.js';
import { MAIL_ENV, participantWithEmail, sentMail, templateId } from './support/mail.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { TestClock } from './support/test-clock.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Per address, how many messages all these relays received. */
function perAddress(relays: readonly SmtpSimulator[]): Map<string, number> {
  const total = new Map<string, number>();
  for (const relay of relays)
    for (const [address, n] of relay.perRecipient) total.set(address, (total.get(address) ?? 0) + n);
  return total;
}

describe('the Burgernetmail queue', () => {
  const cleanup: (() => Promise<void>)[] = [];
  after(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  test('a send survives a restart: what was sent is not sent again, what was queued or claimed by a dead worker goes out once', async () => {
    const database: TestDatabase = await createTestDatabase();
    cleanup.push(() => database.drop());
    const clock = new TestClock();
    // Slow and in small claims, so that the stop comes half-way.
    const env = { ...MAIL_ENV(), EMAIL_MESSAGES_PER_SECOND: '20', MAIL_BATCH_SIZE: '4', MAIL_MAX_IN_FLIGHT: '4' };
    const first = await startTestSystem(env, { testDatabase: database, clock });
    const landelijk = first.api(await first.staffToken('landelijk-beheer'));
    const gemeente = first.api(await first.staffToken('gemeente', 'GM0363'));
    const addresses: string[] = [];
    for (let i = 0; i < 40; i++) {
      const email = `deelnemer${i}@voorbeeld.nl`;
      addresses.push(email);
      await participantWithEmail(first, landelijk, {
        name: `Deelnemer ${i}`,
        email,
        postcode: '1012 AB',
        houseNumber: i + 1,
        phone: `06123460${String(i).padStart(2, '0')}`,
      });
    }
    const created = await gemeente.post('/api/v1/mails', {
      templateId: await templateId(gemeente, 'nieuwsbrief'),
      fields: { omschrijving: 'Nieuws uit de buurt.' },
      audience: { kind: 'gemeente', gemeenteCode: 'GM0363' },
    });
    const mailId = created.body.id as string;
    assert.equal((await gemeente.post(`/api/v1/mails/${mailId}/send`, {})).status, 200);
    const firstRelay = first.system.email.simulator!;
    await eventually(() => assert.ok(firstRelay.received >= 8, `${firstRelay.received} received`));
    await first.stop();
    const sentBefore = firstRelay.received;
    assert.ok(sentBefore < 40, 'stopped half-way');

    // A worker that died holding claims: its rows are 'sending', never answered.
    const dead = await database.database.execute(
      `update mail_recipients set status = 'sending', claimed_by = 'dead-worker', claimed_at = $1
       where id in (select id from mail_recipients where status = 'queued' order by id limit 3)`,
      [new Date(clock.now().getTime() - 3_600_000)],
    );
    assert.equal(dead, 3);

    const second = await startTestSystem(env, { testDatabase: database, clock });
    cleanup.push(() => second.stop());
    const done = await sentMail(second.api(await second.staffToken('gemeente', 'GM0363')), mailId);
    assert.deepEqual([done.figures.recipients, done.figures.sent], [40, 40]);
    const counts = perAddress([firstRelay, second.system.email.simulator!]);
    assert.deepEqual(
      addresses.filter((a) => counts.get(a) !== 1),
      [],
      'every address exactly once',
    );
    assert.equal(second.system.email.simulator!.received, 40 - sentBefore);
  });

  test('stopping a send under way: what was claimed but not handed to the relay does not go; the figures add up', async () => {
    const t = await startTestSystem({
      ...MAIL_ENV(),
      EMAIL_MESSAGES_PER_SECOND: '4',
      MAIL_BATCH_SIZE: '20',
      MAIL_MAX_IN_FLIGHT: '2',
    });
    cleanup.push(() => t.stop());
    const landelijk = t.api(await t.staffToken('landelijk-beheer'));
    const gemeente = t.api(await t.staffToken('gemeente', 'GM0363'));
    for (let i = 0; i < 30; i++) {
      await participantWithEmail(t, landelijk, {
        name: `Lezer ${i}`,
        email: `lezer${i}@voorbeeld.nl`,
        postcode: '1012 AB',
        houseNumber: 100 + i,
        phone: `06123470${String(i).padStart(2, '0')}`,
      });
    }
    const created = await gemeente.post('/api/v1/mails', {
      templateId: await templateId(gemeente, 'nieuwsbrief'),
      fields: { omschrijving: 'Nieuws.' },
      audience: { kind: 'gemeente', gemeenteCode: 'GM0363' },
    });
    const mailId = created.body.id as string;
    assert.equal((await gemeente.post(`/api/v1/mails/${mailId}/send`, {})).status, 200);
    const relay = t.system.email.simulator!;
    await eventually(() => assert.ok(relay.received >= 2));
    const stopped = await gemeente.post(`/api/v1/mails/${mailId}/stop`);
    assert.equal(stopped.status, 200);
    const receivedAtStop = relay.received;
    const figures = await eventually(async () => {
      const f = (await gemeente.get(`/api/v1/mails/${mailId}`)).body.figures;
      assert.equal(f.sent + f.cancelled + f.failed + f.skipped, 30, JSON.stringify(f));
      return f;
    });
    assert.ok(
      figures.sent <= receivedAtStop + 2,
      `at most the ${2} in flight after the stop (${figures.sent} sent, ${receivedAtStop} at the stop)`,
    );
    assert.ok(figures.cancelled >= 30 - receivedAtStop - 2);
    assert.equal(relay.received, figures.sent);
    assert.equal((await gemeente.get(`/api/v1/mails/${mailId}`)).body.status, 'stopped');
  });

  test('mail waits while an action has SMS queued, and goes once they are sent', async () => {
    const smscPort = await freePort();
    const t: TestSystem = await startTestSystem({
      ...MAIL_ENV(),
      SMSC: 'external',
      SMPP_HOST: '127.0.0.1',
      SMPP_PORT: String(smscPort),
    });
    cleanup.push(() => t.stop());
    const landelijk = t.api(await t.staffToken('landelijk-beheer'));
    const gemeente = t.api(await t.staffToken('gemeente', 'GM0363'));
    const centralist = t.api(await t.staffToken('centralist', 'RE05'));
    await participantWithEmail(t, landelijk, {
      name: 'Fleur',
      email: 'fleur@voorbeeld.nl',
      postcode: '1012 AB',
      houseNumber: 7,
      phone: '0612347001',
    });

    // The SMSC is not there yet: the action's SMS is never handed over. It is 'queued' between attempts and
    // 'sending' while an attempt waits (up to the submit timeout) for a bind; both count as waiting.
    const action = await centralist.post('/api/v1/actions', {
      type: 'vermissing',
      message: 'Vermist: Sanne (8), roze jas.',
      area: { kind: 'circle', centre: { lat: 52.3731, lon: 4.8926 }, radiusMetres: 2000 },
    });
    assert.equal(action.status, 201, JSON.stringify(action.body));
    assert.equal((await centralist.post(`/api/v1/actions/${action.body.id}/start`)).status, 200);
    await eventually(async () => {
      const [row] = await t.system.database.query<{ n: number }>(
        `select count(*)::int as n from deliveries where status in ('queued', 'sending') and channel = 'sms'`,
      );
      assert.equal(row?.n, 1);
    });

    const created = await gemeente.post('/api/v1/mails', {
      templateId: await templateId(gemeente, 'preventietips'),
      fields: {},
      audience: { kind: 'gemeente', gemeenteCode: 'GM0363' },
    });
    assert.equal((await gemeente.post(`/api/v1/mails/${created.body.id}/send`, {})).status, 200);
    const yieldsBefore = t.system.mail.dispatcher.figures().yields;
    await eventually(() =>
      assert.ok(
        t.system.mail.dispatcher.figures().yields >= yieldsBefore + 3,
        'the mail worker gave way several times',
      ),
    );
    assert.equal(t.system.email.simulator!.received, 0, 'no mail while the action waits');
    assert.equal((await gemeente.get(`/api/v1/mails/${created.body.id}`)).body.status, 'scheduled');

    const smsc: SmscSimulator = await startSmscSimulator({
      port: smscPort,
      systemId: t.system.config.SMPP_SYSTEM_ID,
      password: t.system.config.SMPP_PASSWORD,
    });
    cleanup.push(() => smsc.close());
    await sentMail(gemeente, created.body.id);
    const sms = smsc.messages[0];
    const mail = t.system.email.simulator!.messages[0];
    assert.ok(sms !== undefined && mail !== undefined);
    assert.ok(mail.receivedAt.getTime() >= sms.receivedAt.getTime(), 'the SMS went first');
  });
});
