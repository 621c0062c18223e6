import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SimulatedSms } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';
import { registerParticipant, type RegisteredParticipant } from './support/participants.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

describe('SMS text encoding, from the reach estimate to the SMSC', () => {
  let t: TestSystem;
  let centralist: ApiClient;
  let anna: RegisteredParticipant;

  const area = () => ({ kind: 'circle', centre: anna.registrations[0]!.location, radiusMetres: 1_000 });

  before(async () => {
    t = await startTestSystem();
    centralist = t.api(await t.staffToken('centralist', 'RE05'));
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    anna = await registerParticipant(beheer, 'Anna de Vries', [
      { phone: '06 1234 5001', postcode: '1012 AB', houseNumber: 1 },
    ]);
    await registerParticipant(beheer, 'Zoë Bakker', [{ phone: '06 1234 5002', postcode: '1012 AB', houseNumber: 3 }]);
  });
  after(() => t.stop());

  async function estimate(message: string) {
    const response = await centralist.post('/api/v1/reach-estimates', {
      area: area(),
      draft: { type: 'vermissing', message },
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body;
  }

  /** Starts a vermissing with this message and returns the two SMS the simulated SMSC accepted for it. */
  async function send(message: string): Promise<SimulatedSms[]> {
    const before = t.system.sms.simulator!.messages.length;
    const created = await centralist.post('/api/v1/actions', { type: 'vermissing', message, area: area() });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const started = await centralist.post(`/api/v1/actions/${created.body.id}/start`);
    assert.equal(started.status, 200, JSON.stringify(started.body));
    await eventually(() => assert.equal(t.system.sms.simulator!.messages.length, before + 2));
    const sent = t.system.sms.simulator!.messages.slice(before);
    assert.deepEqual(sent.map((m) => m.to).sort(), ['+31612345001', '+31612345002']);
    return sent;
  }

  test('a message with ë goes out as UCS-2 in one part with exactly the composed text', async () => {
    const text = 'Burgernet: Vermist: Zoë, 12 jaar Gezien? Bel gratis 0800-0011.';
    const reach = await estimate('Vermist: Zoë, 12 jaar');
    assert.equal(reach.recipients, 2);
    assert.deepEqual(reach.sms, { text, encoding: 'ucs2', units: 62, parts: 1 });

    for (const sms of await send('Vermist: Zoë, 12 jaar')) {
      assert.equal(sms.text, text);
      assert.equal(sms.encoding, 'ucs2');
      assert.equal(sms.parts, 1);
      assert.equal(sms.from, 'Burgernet');
    }
  });

  test('a UCS-2 message longer than 70 characters arrives as one message reassembled from two parts', async () => {
    const message = 'Vermist: Zoë (12), blond haar, roze jas, rode fiets met mand.';
    const text = `Burgernet: ${message} Gezien? Bel gratis 0800-0011.`;
    assert.deepEqual((await estimate(message)).sms, { text, encoding: 'ucs2', units: 102, parts: 2 });

    for (const sms of await send(message)) {
      assert.equal(sms.text, text);
      assert.equal(sms.encoding, 'ucs2');
      assert.equal(sms.parts, 2);
    }
  });

  test('a message of about 400 GSM characters is estimated at three parts and arrives whole from three parts', async () => {
    const message =
      'Vermist: Sanne de Vries, 14 jaar, sinds vanmiddag 15:30 weg van huis aan de Prinsengracht. ' +
      'Ze is ongeveer 1,60 meter lang, heeft lang blond haar in een staart en draagt een donkerblauwe winterjas, ' +
      'een grijze spijkerbroek en witte sneakers. Ze heeft een zwarte rugzak bij zich en fietst mogelijk op een ' +
      'groene omafiets met een rood krat voorop. Zij is voor het laatst gezien bij station Centraal.';
    const text = `Burgernet: ${message} Gezien? Bel gratis 0800-0011.`;
    assert.deepEqual((await estimate(message)).sms, { text, encoding: 'gsm7', units: 436, parts: 3 });

    for (const sms of await send(message)) {
      assert.equal(sms.text, text);
      assert.equal(sms.encoding, 'gsm7');
      assert.equal(sms.parts, 3);
      assert.equal(sms.messageIds.length, 3, 'the SMSC accepted three parts');
    }
  });
});
