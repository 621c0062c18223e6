import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadGemeenten, loadPc4Centroids, meldkamersOf } from '../src/adapters/geodata/geodata.js';
import { seedParticipants } from '../src/adapters/seed/seed-participants.js';
import type { Database } from '../src/adapters/store/database/database.js';
import { migrate } from '../src/adapters/store/migrate.js';
import { syncReferenceData } from '../src/adapters/store/sync-reference-data.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** What the triggers keep must equal a count from scratch, whatever happens to registrations and participants. */
describe("the dashboard's participant counts kept by triggers", () => {
  let t: TestDatabase;
  let db: Database;

  const kept = async () =>
    Object.fromEntries(
      (
        await db.query<{ k: string; n: number }>(
          `select gemeente_code || ' ' || measure as k, count as n from dashboard_participants where count <> 0 order by 1`,
        )
      ).map((r) => [r.k, r.n]),
    );
  const recounted = async () =>
    Object.fromEntries(
      (
        await db.query<{ k: string; n: number }>(
          `select k, n from (
           select gemeente_code || ' participants' as k, count(distinct participant_id)::int as n from registrations group by gemeente_code
           union all select gemeente_code || ' ' || channel, count(distinct participant_id)::int from registrations group by gemeente_code, channel
           union all select r.gemeente_code || ' email', count(distinct r.participant_id)::int from registrations r join participants p on p.id = r.participant_id
             where p.email_confirmed_at is not null group by r.gemeente_code) x order by 1`,
        )
      ).map((r) => [r.k, r.n]),
    );
  const joinedMinusLeft = async () =>
    Object.fromEntries(
      (
        await db.query<{ k: string; n: number }>(
          `select gemeente_code as k, sum(joined - leaving)::int as n from dashboard_participant_days group by 1 having sum(joined - leaving) <> 0 order by 1`,
        )
      ).map((r) => [r.k, r.n]),
    );

  before(async () => {
    t = await createTestDatabase();
    db = t.database;
    await migrate(db);
    const gemeenten = await loadGemeenten();
    await syncReferenceData(db, meldkamersOf(gemeenten), gemeenten);
    // 3,000 participants; about one in five also has a work address, often in another gemeente.
    await seedParticipants(db, {
      count: 3_000,
      seed: 99,
      gemeenten,
      pc4Centroids: await loadPc4Centroids(),
      at: new Date(),
      batchSize: 700,
    });
  });
  after(() => t?.drop());

  test('after bulk inserts, the counts equal a recount, and joins add up to them', async () => {
    const counts = await kept();
    assert.deepEqual(counts, await recounted());
    const participants = Object.fromEntries(
      Object.entries(counts)
        .filter(([k]) => k.endsWith(' participants'))
        .map(([k, n]) => [k.slice(0, 6), n]),
    );
    assert.deepEqual(await joinedMinusLeft(), participants);
  });

  test('moves, channel changes, removed registrations, confirmed and removed e-mail, deleted participants', async () => {
    // Confirm 500 addresses, then remove 100 of them again.
    await db.execute(
      `update participants set email_confirmed_at = now() where id in (select id from participants order by id limit 500)`,
    );
    await db.execute(
      `update participants set email = null, email_confirmed_at = null where id in (select id from participants order by id limit 100)`,
    );
    // 200 registrations move to Utrecht; 150 change channel.
    await db.execute(
      `update registrations set gemeente_code = 'GM0344' where id in (select id from registrations where gemeente_code <> 'GM0344' order by id limit 200)`,
    );
    await db.execute(
      `update registrations set channel = case channel when 'sms' then 'voice' else 'sms' end where id in (select id from registrations order by id desc limit 150)`,
    );
    // 100 work addresses removed; 300 participants deleted (their registrations go by the cascade), confirmed ones among them.
    await db.execute(
      `delete from registrations where id in (select r.id from registrations r where exists (select 1 from registrations o where o.participant_id = r.participant_id and o.id <> r.id) order by r.id limit 100)`,
    );
    await db.execute(
      `delete from participants where id in (select id from participants order by id offset 50 limit 300)`,
    );
    const counts = await kept();
    assert.deepEqual(counts, await recounted());
    const participants = Object.fromEntries(
      Object.entries(counts)
        .filter(([k]) => k.endsWith(' participants'))
        .map(([k, n]) => [k.slice(0, 6), n]),
    );
    assert.deepEqual(await joinedMinusLeft(), participants, 'joined minus left per gemeente is who is there now');
    assert.ok((counts['GM0344 email'] ?? 0) > 0);
  });
});
