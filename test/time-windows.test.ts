import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerParticipant, type RegisteredParticipant } from './support/participants.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

/**
 * Time windows are Amsterdam wall time. On 25 October 2026 the clocks go from 03:00 CEST back to 02:00 CET,
 * so 02:30 happens twice; on 29 March 2026 they jump from 02:00 CET to 03:00 CEST, so 02:30 never happens.
 */
describe('time windows across a change of daylight saving time, over HTTP and SMPP', () => {
  let t: TestSystem;
  let centralist: string;
  let nightOwl: RegisteredParticipant;

  const area = () => ({ kind: 'circle', centre: nightOwl.registrations[0]!.location, radiusMetres: 500 });
  const reachAt = async (instant: string) => {
    t.clock.set(new Date(instant));
    const response = await t.api(centralist).post('/api/v1/reach-estimates', { area: area() });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body.recipients as number;
  };

  before(async () => {
    t = await startTestSystem();
    centralist = await t.staffToken('centralist', 'RE05');
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    nightOwl = await registerParticipant(beheer, 'Nachtwacht', [
      {
        phone: '0612340001',
        postcode: '1012AB',
        houseNumber: 1,
        timeWindows: [{ day: 'zo', from: '02:00', to: '03:00' }],
      },
    ]);
  });
  after(() => t.stop());

  test('a window of 02:00–03:00 holds during both passes of the hour that happens twice', async () => {
    assert.equal(await reachAt('2026-10-25T00:30:00Z'), 1, '02:30 CEST');
    assert.equal(await reachAt('2026-10-25T01:30:00Z'), 1, '02:30 CET');
    assert.equal(await reachAt('2026-10-25T02:00:00Z'), 0, '03:00 CET');
    assert.equal(await reachAt('2026-10-24T23:59:00Z'), 0, '01:59 CEST');
  });

  test('the same window never holds on the night the clocks jump forward', async () => {
    assert.equal(await reachAt('2026-03-29T00:59:00Z'), 0, '01:59 CET');
    assert.equal(await reachAt('2026-03-29T01:00:00Z'), 0, '03:00 CEST');
  });

  test('an action started in the repeated hour reaches the participant with one SMS', async () => {
    t.clock.set(new Date('2026-10-25T01:15:00Z')); // 02:15 CET, the second pass
    const created = await t.api(centralist).post('/api/v1/actions', {
      type: 'inbraak',
      message: 'Inbraak aan de Dam, twee mannen op een scooter.',
      area: area(),
    });
    assert.equal(created.status, 201);
    assert.equal((await t.api(centralist).post(`/api/v1/actions/${created.body.id}/start`)).status, 200);
    await eventually(() => assert.equal(t.system.sms.simulator!.countByNumber('+31612340001'), 1));
  });
});
