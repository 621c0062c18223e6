import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { latLngToCell } from 'h3-js';
import { createInMemoryPresenceIndex } from './in-memory-presence-index.js';
import { parsePresenceCell, presenceCellOf, presenceCellsCovering } from './presence-cells.js';

const TTL = 30 * 60_000;
const T0 = new Date('2026-11-23T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const device = (id: string, tokenHash = 'h') => ({
  target: { subscriptionId: id, endpoint: `https://push.example/${id}`, p256dh: 'p', auth: 'a' },
  tokenHash,
});
const DAM = presenceCellOf({ lat: 52.3731, lon: 4.8926 });
const UTRECHT = presenceCellOf({ lat: 52.0894, lon: 5.11 });

describe('the presence index in memory', () => {
  test('sweeps out what expired', async () => {
    const index = createInMemoryPresenceIndex({ ttlMs: TTL });
    await index.mark(device('a'), DAM, T0);
    await index.mark(device('b'), DAM, later(TTL / 2));
    assert.equal(index.sweep(later(TTL)), 1);
    assert.equal(await index.count(later(TTL)), 1);
  });
});

describe('presence cells', () => {
  test('are H3 indexes at resolution 7, and an area is covered by the cells that overlap it', () => {
    assert.equal(parsePresenceCell(DAM), DAM);
    assert.equal(parsePresenceCell(DAM.toUpperCase()), DAM);
    assert.equal(parsePresenceCell(latLngToCell(52.3731, 4.8926, 8)), null, 'resolution 8');
    assert.equal(parsePresenceCell(latLngToCell(52.3731, 4.8926, 6)), null, 'resolution 6');
    assert.equal(parsePresenceCell('zzzzzzzzzzzzzzz'), null);
    const covering = presenceCellsCovering({
      kind: 'circle',
      centre: { lat: 52.3731, lon: 4.8926 },
      radiusMetres: 2_000,
    });
    assert.ok(covering.has(DAM) && !covering.has(UTRECHT));
    // A point at the edge of the circle lies in a covering cell.
    assert.ok(covering.has(presenceCellOf({ lat: 52.3731 + 1_990 / 111_320, lon: 4.8926 })));
  });
});
