import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { latLngToCell } from 'h3-js';
import type { PresenceCell } from '../../domain/push/presence-cell.js';
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
const ids = (targets: readonly { subscriptionId: string }[]) => targets.map((t) => t.subscriptionId).sort();

describe('the presence index', () => {
  test('knows a phone in its latest cell until the time-to-live runs out', () => {
    const index = createInMemoryPresenceIndex({ ttlMs: TTL });
    assert.equal(index.mark(device('a'), DAM, T0), 'arrived');
    assert.equal(index.mark(device('a'), DAM, later(60_000)), 'stayed');
    assert.deepEqual(ids(index.presentIn(new Set([DAM]), later(TTL))), ['a'], 'the refresh extended it');
    assert.deepEqual(ids(index.presentIn(new Set([DAM]), later(60_000 + TTL))), []);
    assert.equal(index.mark(device('a'), DAM, later(60_000 + TTL)), 'arrived', 'after expiry it is new again');
    assert.equal(index.mark(device('a'), UTRECHT, later(70_000 + TTL)), 'arrived');
    assert.deepEqual(ids(index.presentIn(new Set([DAM]), later(70_000 + TTL))), []);
    assert.deepEqual(ids(index.presentIn(new Set([DAM, UTRECHT]), later(70_000 + TTL))), ['a']);
    index.forget('a');
    assert.equal(index.find('a', later(70_000 + TTL)), null);
  });

  test('sweeps out what expired', () => {
    const index = createInMemoryPresenceIndex({ ttlMs: TTL });
    index.mark(device('a'), DAM, T0);
    index.mark(device('b'), DAM, later(TTL / 2));
    assert.equal(index.sweep(later(TTL)), 1);
    assert.equal(index.count(later(TTL)), 1);
  });

  test('answers as a list of the latest cell per phone would (any sequence of moves)', () => {
    const cells = [DAM, UTRECHT, presenceCellOf({ lat: 51.92, lon: 4.47 })];
    const move = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      cell: fc.constantFrom(...cells),
      after: fc.nat({ max: TTL }),
    });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), fc.subarray(cells), (moves, asked) => {
        const index = createInMemoryPresenceIndex({ ttlMs: TTL });
        const model = new Map<string, { cell: PresenceCell; until: number }>();
        let now = T0.getTime();
        for (const m of moves) {
          now += m.after;
          index.mark(device(m.id), m.cell, new Date(now));
          model.set(m.id, { cell: m.cell, until: now + TTL });
        }
        const expected = [...model]
          .filter(([, e]) => e.until > now && asked.includes(e.cell))
          .map(([id]) => id)
          .sort();
        assert.deepEqual(ids(index.presentIn(new Set(asked), new Date(now))), expected);
      }),
    );
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
