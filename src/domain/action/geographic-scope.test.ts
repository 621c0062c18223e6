import assert from 'node:assert/strict';
import { test } from 'node:test';
import { policeRegion } from '../area/police-region.js';
import { createAction, startAction, type Action, type ActionDraft } from './action.js';
import { sizeExcess } from './action-limits.js';
import { noteMeldkamersReached, scopeOfArea, type ActionGeography } from './geographic-scope.js';

const AT = new Date('2026-11-23T09:00:00Z');
const LIMITS = { regionMarginMetres: 5_000, maxAreaKm2: 500, maxRecipientsWithoutApproval: 1_000 };
const GEOGRAPHY: ActionGeography = {
  regions: [
    policeRegion('RE01', [
      [
        [
          { lat: 52, lon: 4 },
          { lat: 52, lon: 5 },
          { lat: 53, lon: 5 },
          { lat: 53, lon: 4 },
        ],
      ],
    ]),
    policeRegion('RE02', [
      [
        [
          { lat: 52, lon: 5 },
          { lat: 52, lon: 6 },
          { lat: 53, lon: 6 },
          { lat: 53, lon: 5 },
        ],
      ],
    ]),
  ],
  limits: LIMITS,
};
const NEAR_BORDER = { kind: 'circle', centre: { lat: 52.5, lon: 4.98 }, radiusMetres: 3_000 } as const;
const draft: ActionDraft = {
  type: 'vermissing',
  missingChild: false,
  message: 'Vermist: Sanne (8), roze jas.',
  description: null,
  instructions: null,
  area: NEAR_BORDER,
};

function concept(): Action {
  const created = createAction(draft, { id: 'a1', number: 'BN-2026-000001' }, 'RE01', 'staff-1', AT);
  assert.ok(created.ok);
  return created.value;
}

test('the scope of an area: who sees it, who must approve it, how large it is', () => {
  const near = scopeOfArea(GEOGRAPHY, draft.area, 'RE01');
  assert.deepEqual(near.touches, ['RE02']);
  assert.deepEqual(near.needsApprovalOf, []);
  assert.ok(Math.abs(near.areaKm2 - Math.PI * 9) < 0.01);
  const far = scopeOfArea(GEOGRAPHY, { ...NEAR_BORDER, radiusMetres: 12_000 }, 'RE01');
  assert.deepEqual(far.needsApprovalOf, ['RE02']);
});

test('above either cap is an excess, with both figures; at the caps is not', () => {
  assert.equal(sizeExcess(LIMITS, 500, 1_000), null);
  assert.deepEqual(sizeExcess(LIMITS, 500.04, 10), {
    areaKm2: 500,
    maxAreaKm2: 500,
    recipients: 10,
    maxRecipients: 1_000,
  });
  assert.deepEqual(sizeExcess(LIMITS, 12.345, 1_001), {
    areaKm2: 12.3,
    maxAreaKm2: 500,
    recipients: 1_001,
    maxRecipients: 1_000,
  });
});

test("a concept's meldkamers reached are its current area's; a live action keeps every one it reached", () => {
  const noted = noteMeldkamersReached(concept(), ['RE02']);
  assert.deepEqual(noted.reachesMeldkamers, ['RE02']);
  assert.deepEqual(noteMeldkamersReached(noted, []).reachesMeldkamers, [], 'a revised concept forgets');
  const started = startAction(noted, 'staff-2', AT);
  assert.ok(started.ok);
  assert.deepEqual(noteMeldkamersReached(started.value, ['RE03']).reachesMeldkamers, ['RE02', 'RE03']);
  assert.deepEqual(noteMeldkamersReached(started.value, []).reachesMeldkamers, ['RE02']);
});
