import { randomUUID } from 'node:crypto';
import { countsAsSuccess, type ActionResult } from '../../domain/action/action-result.js';
import { ACTION_TYPES, priorityOf, type ActionType } from '../../domain/action/action-type.js';
import { regionAt, regionsTouched } from '../../domain/area/region-reach.js';
import { displace } from '../../domain/geo/displace.js';
import type { Gemeente } from '../../domain/geo/gemeente.js';
import type { StoredActionFigures } from '../../app/ports/dashboard-repository.js';
import { upsertActionFigures } from '../store/dashboard/sql-dashboard-repository.js';
import type { Database } from '../store/database/database.js';
import { loadPoliceRegions } from '../geodata/police-regions.js';
import {
  planHistory,
  populationPicker,
  randomStream,
  registrationDate,
  unitOf,
  type HistoryPlan,
} from './history-plan.js';

export interface DashboardHistoryOptions {
  readonly gemeenten: readonly Gemeente[];
  readonly now: Date;
  /** Months of history up to now (the current one included). */
  readonly months: number;
  readonly actionsPerMonth: number;
  readonly seed: number;
  /** Give the participants already stored registration dates over the history (a demo database seeded at one moment). */
  readonly redateParticipants: boolean;
  /** Called with the steps done so far and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface DashboardHistoryResult {
  readonly actions: number;
  readonly campaigns: number;
  readonly leavers: number;
  readonly redated: number;
}

/** How often each type is used (Burgernet's own yearly figures, rounded) and how often it succeeds. */
const TYPE_MIX: Readonly<Record<ActionType, { share: number; success: number }>> = {
  vermissing: { share: 0.3, success: 0.2 },
  diefstal: { share: 0.14, success: 0.06 },
  inbraak: { share: 0.14, success: 0.07 },
  overval: { share: 0.06, success: 0.1 },
  beroving: { share: 0.1, success: 0.07 },
  'doorrijden-na-aanrijding': { share: 0.1, success: 0.05 },
  'verdachte-situatie': { share: 0.14, success: 0.06 },
  noodsituatie: { share: 0.02, success: 0 },
};
/** The success ratio the mix above gives; each type's chance is scaled to land on the wanted 11 %. */
const MIX_SUCCESS = ACTION_TYPES.reduce((n, t) => n + TYPE_MIX[t].share * TYPE_MIX[t].success, 0);
export const HISTORY_SUCCESS_RATIO = 0.11;

const SUCCESS_RESULTS: Readonly<Record<ActionType, ActionResult>> = {
  vermissing: 'gevonden',
  diefstal: 'teruggevonden',
  inbraak: 'aangehouden',
  overval: 'aangehouden',
  beroving: 'aangehouden',
  'doorrijden-na-aanrijding': 'aangehouden',
  'verdachte-situatie': 'opgelost',
  noodsituatie: 'opgelost',
};
const FAILURE_RESULTS: Readonly<Record<ActionType, ActionResult>> = {
  vermissing: 'niet-gevonden',
  diefstal: 'geen-resultaat',
  inbraak: 'niet-aangehouden',
  overval: 'niet-aangehouden',
  beroving: 'niet-aangehouden',
  'doorrijden-na-aanrijding': 'niet-aangehouden',
  'verdachte-situatie': 'geen-resultaat',
  noodsituatie: 'geen-resultaat',
};
const MESSAGES: Readonly<Record<ActionType, string>> = {
  vermissing: 'Vermist: persoon (demo), laatst gezien in de buurt.',
  diefstal: 'Gestolen: auto (demo), richting snelweg.',
  inbraak: 'Inbraak (demo): twee personen gevlucht.',
  overval: 'Overval (demo): dader gevlucht op scooter.',
  beroving: 'Beroving (demo): dader gevlucht te voet.',
  'doorrijden-na-aanrijding': 'Doorgereden na aanrijding (demo): grijze bestelbus.',
  'verdachte-situatie': 'Verdachte situatie (demo): let op personen bij woningen.',
  noodsituatie: 'Noodsituatie (demo): houd ramen en deuren gesloten.',
};
const BATCH = 1_000;
const DAY_MS = 86_400_000;

/**
 * A believable history for the dashboard on a database with participants: two years of sign-ups (registration
 * dates, departures), about `actionsPerMonth` closed actions a month spread over the gemeenten by population with
 * an 11 % success ratio, and recruitment campaigns. The actions carry their figures (recipients, speed, calls,
 * tips) but no deliveries: as in a system that cleared the phone numbers of old deliveries.
 */
export async function seedDashboardHistory(
  db: Database,
  options: DashboardHistoryOptions,
): Promise<DashboardHistoryResult> {
  const plan = planHistory(options.gemeenten, options.now, options.months, options.seed);
  const [{ n: participants = 0 } = {}] = await db.query<{ n: number }>('select count(*)::int as n from participants');
  const actionCount = Math.round(options.actionsPerMonth * options.months);
  const total = (options.redateParticipants ? participants : 0) + actionCount + options.gemeenten.length;
  let done = 0;
  const step = (n: number) => options.onProgress?.((done += n), total);

  const redated = options.redateParticipants ? await redate(db, plan, options, step) : 0;
  const staffId = await historyStaff(db);
  const campaigns = await storeCampaigns(db, plan);
  const actions = await storeActions(db, plan, options, staffId, actionCount, step);
  const leavers = await storeLeavers(db, plan, options, step);
  return { actions, campaigns, leavers, redated };
}

/**
 * Synthetic participants are spread exactly by population, so every gemeente would have the same participation.
 * Real gemeenten differ (by region and by their own effort): the demo keeps 50–100 % of each gemeente's
 * participants, by province and gemeente, and removes the rest as if they had never registered.
 */
function keepShare(gemeente: Gemeente | undefined, seed: number): number {
  if (gemeente === undefined) return 1;
  const code = (text: string) => Number(text.replace(/\D/g, ''));
  return 0.5 + 0.25 * unitOf(code(gemeente.provinceCode), seed) + 0.25 * unitOf(code(gemeente.code), seed ^ 0x77);
}

/**
 * Registration dates over the history for everyone stored (and the demo's differences in participation), in
 * batches; then the counts are made again.
 */
async function redate(
  db: Database,
  plan: HistoryPlan,
  options: DashboardHistoryOptions,
  step: (n: number) => void,
): Promise<number> {
  const seed = options.seed;
  const byCode = new Map(options.gemeenten.map((g) => [g.code, g]));
  let last = '00000000-0000-0000-0000-000000000000';
  let index = 0;
  for (;;) {
    const rows = await db.query<{ id: string; gemeente_code: string }>(
      `select p.id, (select r.gemeente_code from registrations r where r.participant_id = p.id order by r.created_at, r.id limit 1) as gemeente_code
       from participants p where p.id > $1 order by p.id limit $2`,
      [last, BATCH * 5],
    );
    if (rows.length === 0) break;
    const dates = rows.map((r, i) => registrationDate(plan, index + i, seed, r.gemeente_code ?? ''));
    const thinned = rows
      .filter((r, i) => unitOf(index + i, seed ^ 0xdead) > keepShare(byCode.get(r.gemeente_code ?? ''), seed))
      .map((r) => r.id);
    await db.transaction(async (tx) => {
      await tx.execute('delete from participants where id = any($1::uuid[])', [thinned]);
      await tx.execute(
        `update participants p set created_at = d.at, updated_at = greatest(p.updated_at, d.at)
         from unnest($1::uuid[], $2::timestamptz[]) as d(id, at) where p.id = d.id`,
        [rows.map((r) => r.id), dates],
      );
      await tx.execute(
        `update registrations r set created_at = d.at from unnest($1::uuid[], $2::timestamptz[]) as d(id, at) where r.participant_id = d.id`,
        [rows.map((r) => r.id), dates],
      );
    });
    index += rows.length;
    last = rows[rows.length - 1]!.id;
    step(rows.length);
  }
  // Those removed never registered in the story: not departures.
  await db.execute(
    `update dashboard_participant_days set leaving = 0 where day = (now() at time zone 'Europe/Amsterdam')::date`,
  );
  await db.execute('select dashboard_recount_participants()');
  return index;
}

/** The history's actions need a creator: a revoked account that cannot log in. */
async function historyStaff(db: Database): Promise<string> {
  const [found] = await db.query<{ id: string }>(
    `select id from staff where name = 'Demogeschiedenis' and role = 'landelijk-beheer' limit 1`,
  );
  if (found !== undefined) return found.id;
  const id = randomUUID();
  await db.execute(
    `insert into staff (id, name, role, created_at, revoked_at) values ($1, 'Demogeschiedenis', 'landelijk-beheer', now(), now())`,
    [id],
  );
  return id;
}

async function storeCampaigns(db: Database, plan: HistoryPlan): Promise<number> {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  await db.execute(
    `insert into recruitment_campaigns (id, gemeente_code, name, starts_on, ends_on, created_at, created_by)
     select id, gemeente_code, name, starts_on::date, ends_on::date, starts_on::date, null
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) as c(id, gemeente_code, name, starts_on, ends_on)`,
    [
      plan.campaigns.map(() => randomUUID()),
      plan.campaigns.map((c) => c.gemeenteCode),
      plan.campaigns.map((c) => c.name),
      plan.campaigns.map((c) => day(c.startsAt)),
      plan.campaigns.map((c) => day(new Date(c.startsAt.getTime() + (c.days - 1) * DAY_MS))),
    ],
  );
  return plan.campaigns.length;
}

interface HistoryAction {
  readonly id: string;
  readonly gemeente: Gemeente;
  readonly type: ActionType;
  readonly missingChild: boolean;
  readonly startedAt: Date;
  readonly endedAt: Date;
  readonly result: ActionResult;
  readonly centre: { readonly lat: number; readonly lon: number };
  readonly radius: number;
  /** The other meldkamers whose region the circle touches: they see the action. */
  readonly reaches: readonly string[];
}

async function storeActions(
  db: Database,
  plan: HistoryPlan,
  options: DashboardHistoryOptions,
  staffId: string,
  count: number,
  step: (n: number) => void,
): Promise<number> {
  const random = randomStream(options.seed ^ 0xac71);
  const pick = populationPicker(options.gemeenten.filter((g) => g.population > 0));
  const byCode = new Map(options.gemeenten.map((g) => [g.code, g]));
  const participantsOf = new Map(
    (
      await db.query<{ gemeente_code: string; count: number }>(
        `select gemeente_code, count from dashboard_participants where measure = 'participants'`,
      )
    ).map((r) => [r.gemeente_code, r.count]),
  );
  const typeOf = (u: number): ActionType => {
    let acc = 0;
    for (const t of ACTION_TYPES) if (u < (acc += TYPE_MIX[t].share)) return t;
    return 'vermissing';
  };
  const span = plan.to.getTime() - plan.from.getTime();
  const planned: HistoryAction[] = [];
  const regions = await loadPoliceRegions();
  const make = (
    gemeente: Gemeente,
    startedAt: Date,
    forced: { type: ActionType; missingChild: boolean; success: boolean } | null,
  ) => {
    const type = forced?.type ?? typeOf(random());
    const success = forced?.success ?? random() < (TYPE_MIX[type].success * HISTORY_SUCCESS_RATIO) / MIX_SUCCESS;
    const radius = 500 + Math.round(random() * 3_500);
    // As the region rule wants: the incident in the meldkamer's own region (the gemeente's interior point when the
    // displaced one falls outside it), and a radius under the default margin, so no other meldkamer had to approve.
    const displaced = displace(gemeente.interior, (random() - 0.5) * 1_500, (random() - 0.5) * 1_500);
    const centre = regionAt(displaced, regions) === gemeente.policeUnitCode ? displaced : gemeente.interior;
    planned.push({
      id: randomUUID(),
      gemeente,
      type,
      missingChild: forced?.missingChild ?? (type === 'vermissing' && random() < 0.3),
      startedAt,
      endedAt: new Date(startedAt.getTime() + (20 + random() * 160) * 60_000),
      result: success ? SUCCESS_RESULTS[type] : FAILURE_RESULTS[type],
      centre,
      radius,
      reaches: regionsTouched({ kind: 'circle', centre, radiusMetres: radius }, gemeente.policeUnitCode, regions),
    });
  };
  for (const impact of plan.impacts) {
    const g = byCode.get(impact.gemeenteCode);
    if (g !== undefined) make(g, impact.at, { type: 'vermissing', missingChild: true, success: true });
  }
  while (planned.length < count) make(pick(random()), new Date(plan.from.getTime() + random() * span), null);
  planned.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());

  for (let i = 0; i < planned.length; i += BATCH) {
    const batch = planned.slice(i, i + BATCH);
    const figures: StoredActionFigures[] = batch.map((a) => {
      const inGemeente = participantsOf.get(a.gemeente.code) ?? 0;
      const recipients = Math.round(inGemeente * Math.min(1, (a.radius / 6_000) ** 2) * (0.6 + random() * 0.8));
      const first = 1_200 + Math.round(random() * 3_000);
      const success = countsAsSuccess(a.result);
      return {
        actionId: a.id,
        type: a.type,
        missingChild: a.missingChild,
        meldkamerCode: a.gemeente.policeUnitCode,
        status: 'afgesloten',
        result: a.result,
        startedAt: a.startedAt,
        endedAt: a.endedAt,
        incident: a.centre,
        recipients,
        firstMessageMs: recipients === 0 ? null : first,
        lastMessageMs: recipients === 0 ? null : first + Math.round((recipients / (4_000 + random() * 8_000)) * 1_000),
        calls: Math.round(recipients * (success ? 0.004 : 0.002) * random() * 2),
        tips: Math.round(recipients * 0.0015 * random() * 2),
        appNotifications: Math.round(recipients * (0.2 + random() * 0.3)),
        gemeenteCode: a.gemeente.code,
        safetyRegionCode: a.gemeente.safetyRegionCode,
        success,
        refreshedAt: options.now,
      };
    });
    await db.transaction(async (tx) => {
      await tx.execute(
        `insert into actions (id, number, type, meldkamer_code, status, missing_child, priority, message, area, result, created_at, created_by,
           started_at, started_by, ended_at, ended_by, updated_at, public, reaches_meldkamers)
         select a.id, 'BN-' || extract(year from a.started_at at time zone 'Europe/Amsterdam')::int || '-' || lpad(nextval('action_number_seq')::text, 6, '0'),
           a.type, a.meldkamer_code, 'afgesloten', a.missing_child, a.priority, a.message,
           jsonb_build_object('kind', 'circle', 'centre', jsonb_build_object('lat', a.lat, 'lon', a.lon), 'radiusMetres', a.radius),
           a.result, a.started_at - interval '3 minutes', $12, a.started_at, $12, a.ended_at, $12, a.ended_at, false,
           string_to_array(a.reaches, ',')
         from unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::int[], $6::text[], $7::float8[], $8::float8[], $9::int[],
           $10::text[], $11::timestamptz[], $13::timestamptz[], $14::text[])
           as a(id, type, meldkamer_code, missing_child, priority, message, lat, lon, radius, result, started_at, ended_at, reaches)`,
        [
          batch.map((a) => a.id),
          batch.map((a) => a.type),
          batch.map((a) => a.gemeente.policeUnitCode),
          batch.map((a) => a.missingChild),
          batch.map((a) => priorityOf(a.type, a.missingChild)),
          batch.map((a) => MESSAGES[a.type]),
          batch.map((a) => a.centre.lat),
          batch.map((a) => a.centre.lon),
          batch.map((a) => a.radius),
          batch.map((a) => a.result),
          batch.map((a) => a.startedAt),
          staffId,
          batch.map((a) => a.endedAt),
          batch.map((a) => a.reaches.join(',')),
        ],
      );
      await upsertActionFigures(tx, figures);
    });
    step(batch.length);
  }
  return planned.length;
}

/**
 * People who left during the history are gone from the database; only the counts remember them. Each gemeente
 * loses about 0.4 % of its participants a month; each leaver had joined earlier, so that joined minus left still
 * adds up to today's count.
 */
async function storeLeavers(
  db: Database,
  plan: HistoryPlan,
  options: DashboardHistoryOptions,
  step: (n: number) => void,
): Promise<number> {
  const random = randomStream(options.seed ^ 0x1ea7);
  const counts = new Map(
    (
      await db.query<{ gemeente_code: string; count: number }>(
        `select gemeente_code, count from dashboard_participants where measure = 'participants'`,
      )
    ).map((r) => [r.gemeente_code, r.count]),
  );
  const span = plan.to.getTime() - plan.from.getTime();
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  let leavers = 0;
  for (let i = 0; i < options.gemeenten.length; i += 50) {
    const rows = new Map<string, { gemeente: string; day: string; joined: number; leaving: number }>();
    const add = (gemeente: string, d: string, joined: number, leaving: number) => {
      const key = `${gemeente} ${d}`;
      const row = rows.get(key) ?? { gemeente, day: d, joined: 0, leaving: 0 };
      rows.set(key, { ...row, joined: row.joined + joined, leaving: row.leaving + leaving });
    };
    const slice = options.gemeenten.slice(i, i + 50);
    for (const g of slice) {
      const n = Math.round((counts.get(g.code) ?? 0) * 0.004 * options.months * (0.7 + random() * 0.6));
      for (let k = 0; k < n; k++) {
        const left = plan.from.getTime() + random() * span;
        // Half of them joined before the history began: their join is not in the window.
        const joined =
          random() < 0.5
            ? plan.from.getTime() - (1 + random() * 3_000) * DAY_MS
            : plan.from.getTime() + random() * (left - plan.from.getTime());
        add(g.code, day(left), 0, 1);
        add(g.code, day(joined), 1, 0);
      }
      leavers += n;
    }
    const list = [...rows.values()];
    if (list.length > 0) {
      await db.execute(
        `insert into dashboard_participant_days as d (gemeente_code, day, joined, leaving)
         select * from unnest($1::text[], $2::date[], $3::int[], $4::int[])
         on conflict (gemeente_code, day) do update set joined = d.joined + excluded.joined, leaving = d.leaving + excluded.leaving`,
        [list.map((r) => r.gemeente), list.map((r) => r.day), list.map((r) => r.joined), list.map((r) => r.leaving)],
      );
    }
    step(slice.length);
  }
  return leavers;
}

/** Whether the history was seeded already (the demo seeds it once). */
export async function hasDashboardHistory(db: Database): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from staff where name = 'Demogeschiedenis' and role = 'landelijk-beheer'`,
  );
  return (row?.n ?? 0) > 0;
}
