import assert from 'node:assert/strict';
import { createECDH, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { exampleCsv, type ApiObjects } from './api-examples.js';
import { registerParticipant } from './participants.js';
import { eventually, type ApiClient, type ApiResponse, type TestSystem } from './test-system.js';

/** Who makes the objects: each needs the permission for its kind, and gives the object its own scope. */
export interface ObjectMakers {
  /** Actions (and their tip), a mail. */
  readonly police: ApiClient;
  /** A mail template and a staff account. */
  readonly policeBeheer: ApiClient;
  /** A participant, a recruitment campaign, an import. */
  readonly gemeenteBeheer: ApiClient;
  /** The same client's token, for the import's CSV upload. */
  readonly gemeenteBeheerToken: string;
}

async function created(response: Promise<ApiResponse>, status = 201): Promise<any> {
  const r = await response;
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}

/**
 * One object of every kind the API's paths name, at `place`: a concept and a started, public action (nobody
 * lives within its 300 m, so no delivery runs), a tip with a callback number, a participant, a mail template, a
 * mail, a staff account, a campaign, a checked import and a phone's push subscription.
 */
export async function createApiObjects(
  t: TestSystem,
  makers: ObjectMakers,
  place: ApiObjects['place'],
): Promise<ApiObjects> {
  const { police, policeBeheer, gemeenteBeheer } = makers;
  const area = { kind: 'circle', centre: place.centre, radiusMetres: 300 };
  const draft = {
    type: 'inbraak',
    message: 'Inbreker gevlucht, zwarte jas.',
    area,
    meldkamerCode: place.meldkamerCode,
  };
  const participant = await registerParticipant(gemeenteBeheer, 'Gijs Voorbeeld', [
    { phone: '0612340011', postcode: place.postcode, houseNumber: 1 },
  ]);
  const concept = (await created(police.post('/api/v1/actions', draft))).id;
  const active = (await created(police.post('/api/v1/actions', draft))).id;
  await created(police.post(`/api/v1/actions/${active}/start`), 200);
  await created(police.put(`/api/v1/actions/${active}/publication`, { public: true }), 200);
  const tipForm = new FormData();
  tipForm.set('text', 'Ik zag iemand wegrennen.');
  tipForm.set('phone', '0612340012');
  const tip = await fetch(`${t.url}/app/v1/actions/${active}/tips`, { method: 'POST', body: tipForm });
  const tipBody = await tip.text();
  assert.equal(tip.status, 201, tipBody);
  const templates = await created(police.get('/api/v1/mail-templates'), 200);
  const nationalTemplate = templates.items.find(
    (x: { kind: string; owner: { kind: string } }) => x.kind === 'buurtonderzoek' && x.owner.kind === 'landelijk',
  ).id;
  const template = await created(
    policeBeheer.post('/api/v1/mail-templates', {
      kind: 'preventietips',
      name: 'Eigen',
      subject: 'Tips',
      body: 'Sluit af.',
    }),
  );
  const mail = await created(
    police.post('/api/v1/mails', {
      templateId: nationalTemplate,
      fields: { datum: '2026-06-01', straat: 'Damrak', omschrijving: 'Inbraak in een portiek.' },
      audience: { kind: 'area', area },
    }),
  );
  const staff = await created(
    policeBeheer.post('/api/v1/staff', {
      name: 'Nieuwe Centralist',
      email: `centralist-${randomBytes(4).toString('hex')}@example.nl`,
      role: 'centralist',
      meldkamerCode: place.meldkamerCode,
    }),
  );
  const campaign = await created(
    gemeenteBeheer.post(`/api/v1/dashboard/gemeenten/${place.gemeenteCode}/campaigns`, {
      name: 'Wijkactie',
      startsOn: '2026-01-01',
      endsOn: '2026-02-01',
    }),
  );
  const importJob = await gemeenteBeheer.raw('/api/v1/relatiebeheer/imports?dryRun=true', {
    method: 'POST',
    headers: { authorization: `Bearer ${makers.gemeenteBeheerToken}`, 'content-type': 'text/csv' },
    body: exampleCsv({ place }),
  });
  assert.equal(importJob.status, 202);
  const keys = createECDH('prime256v1');
  const subscription = await created(
    t.api(null).post('/app/v1/push/subscriptions', {
      subscription: {
        endpoint: 'https://fcm.googleapis.com/fcm/send/voorbeeld',
        keys: { p256dh: keys.generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') },
      },
    }),
  );
  await eventually(async () => {
    const [pending] = await t.system.database.query<{ n: number }>(
      `select count(*)::int as n from targeting_runs where status = 'pending'`,
    );
    assert.equal(pending!.n, 0);
  });
  return {
    concept,
    active,
    participant: participant.id,
    registration: participant.registrations[0]!.id,
    tip: (JSON.parse(tipBody) as { id: string }).id,
    template: template.id,
    nationalTemplate,
    mail: mail.id,
    staff: staff.id,
    campaign: campaign.id,
    importJob: ((await importJob.json()) as { id: string }).id,
    subscription,
    photo: await sharp({ create: { width: 64, height: 48, channels: 3, background: '#246' } })
      .jpeg()
      .toBuffer(),
    place,
  };
}
