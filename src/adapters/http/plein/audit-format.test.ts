import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StoredAuditEntry } from '../../../app/ports/audit-search.js';
import { AUDIT_EVENT_NAMES } from '../../../domain/audit/audit-event.js';
import { nl } from '../../../domain/messages/nl.js';
import { auditActor, auditDetails, auditEventLabel, auditNames, auditSubject } from './audit-format.js';

const ACTION_ID = '6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a0f';
const STAFF_ID = 'cb69fb18-1111-4a2b-8c3d-4e5f60718293';
const OTHER_ID = '0a0b0c0d-2222-4a2b-8c3d-4e5f60718293';

const entry = (
  event: string,
  details: Record<string, unknown>,
  about: Partial<StoredAuditEntry> = {},
): StoredAuditEntry => ({
  id: 1,
  event,
  details,
  actorId: STAFF_ID,
  actorName: 'Sanne de Vries',
  subjectType: 'action',
  subjectId: ACTION_ID,
  at: new Date('2026-12-07T10:00:00Z'),
  ...about,
});

const words = (viewerId: string | null = null) => ({
  catalogue: nl,
  names: new Map([[STAFF_ID, 'Sanne de Vries']]),
  viewerId,
});

/** What no audit text may contain: an event's stored name, a detail's key, an id, JSON. */
function assertInWords(text: string, event: string, details: Record<string, unknown>): void {
  assert.ok(!text.includes(event), `"${text}" shows the event's name ${event}`);
  assert.doesNotMatch(text, /[{}[\]"]/, `"${text}" looks like JSON`);
  assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}/, `"${text}" shows an id`);
  for (const key of Object.keys(details)) {
    // A key that is itself a Dutch word ("status") may be its label; no other key is shown.
    if (key !== 'status') assert.ok(!text.includes(`${key}:`), `"${text}" shows the key ${key}`);
  }
}

describe('the audit log in words', () => {
  test('every audit event has a Dutch label of its own, never its stored name', () => {
    assert.ok(AUDIT_EVENT_NAMES.length >= 70, 'the list holds every event');
    const labels = new Set<string>();
    for (const event of AUDIT_EVENT_NAMES) {
      const label = nl.plein.auditEvents[event];
      assert.equal(typeof label, 'string', `${event} has a label`);
      assert.notEqual(label, event, `${event} is labelled in words`);
      assert.equal(auditEventLabel(nl.plein, event), label);
      assert.doesNotMatch(label, /^[a-z-]+\.[a-z-]+$/, `${event}: "${label}" reads like a key`);
      labels.add(label);
    }
    assert.equal(labels.size, AUDIT_EVENT_NAMES.length, 'no two events share a label');
  });

  test('an update to an action reads as words: the number, the status and the text', () => {
    const details = { number: '2026-0042', status: 'actief', text: 'Noor draagt een rode jas.' };
    const text = auditDetails(entry('action.update-sent', details), words());
    assert.equal(text, 'nummer: 2026-0042, status: actief, tekst: Noor draagt een rode jas.');
    assertInWords(text, 'action.update-sent', details);
    assert.equal(auditSubject(entry('action.update-sent', details), words()), 'actie 2026-0042');
  });

  test('coded values are put in words, ids and technical details are left out', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'staff.logged-in',
        { method: 'password', secondFactor: 'totp' },
        'manier: wachtwoord, tweede stap: code uit een app',
      ],
      [
        'staff.permissions-changed',
        {
          before: { role: 'centralist', meldkamerCode: 'RE05', gemeenteCode: null },
          after: { role: 'meldkamer-beheer', meldkamerCode: 'RE05', gemeenteCode: null },
        },
        'was: centralist (meldkamer RE05), wordt: meldkamerbeheer (meldkamer RE05)',
      ],
      [
        'action.taken-over',
        { number: '2026-0042', startedBy: STAFF_ID },
        'nummer: 2026-0042, gestart door: Sanne de Vries',
      ],
      [
        'action.taken-over',
        { number: '2026-0042', startedBy: OTHER_ID },
        'nummer: 2026-0042, gestart door: een medewerker',
      ],
      [
        'participant.denied',
        { attempted: 'change', scope: { kind: 'gemeente', gemeenteCode: 'GM0363' }, via: 'relatiebeheer' },
        'poging: wijzigen, bereik: gemeente GM0363, via relatiebeheer',
      ],
      ['registration.updated', { participantId: OTHER_ID }, ''],
      ['action.photo-attached', { number: '2026-0042', width: 800, height: 600, bytes: 51234 }, 'nummer: 2026-0042'],
      [
        'participant.searched',
        { purpose: 'Melding', byText: true, byPhone: false, gemeenteCode: null, shown: [OTHER_ID, STAFF_ID] },
        'doel: Melding, gezocht op naam of adres, getoond: 2 deelnemers',
      ],
      [
        'tip.callback-number-revealed',
        { actionNumber: '2026-0042', tipId: OTHER_ID, purpose: 'callback' },
        'actie: 2026-0042, doel: Terugbellen voor de actie',
      ],
      [
        'action.widened',
        {
          number: '2026-0042',
          status: 'actief',
          area: { kind: 'circle', centre: { lat: 52, lon: 4 }, radiusMetres: 1500 },
        },
        'nummer: 2026-0042, status: actief, gebied: cirkel van 1500 m',
      ],
      [
        'staff.login-failed',
        { step: 'sso', provider: 'politie', reason: 'invalid-response', error: 'JWT expired' },
        'stap: inlog van de organisatie, organisatie: politie, reden: ongeldig antwoord van de organisatie',
      ],
      ['a.code-of-another-version', { someKey: 'x' }, ''],
    ];
    for (const [event, details, expected] of cases) {
      const text = auditDetails(entry(event, details), words());
      assert.equal(text, expected, event);
      assertInWords(text, event, details);
    }
  });

  test('whom an entry is about: a colleague by name, the viewer as "uw eigen account", never an id', () => {
    const about = (subjectId: string) => entry('staff.logged-in', {}, { subjectType: 'staff', subjectId });
    assert.equal(auditSubject(about(STAFF_ID), words()), 'medewerker Sanne de Vries');
    assert.equal(auditSubject(about(STAFF_ID), words(STAFF_ID)), 'uw eigen account');
    assert.equal(auditSubject(about(OTHER_ID), words()), 'een medewerker');
    assert.equal(
      auditSubject(entry('participant.viewed', {}, { subjectType: 'participant', subjectId: OTHER_ID }), words()),
      'een deelnemer',
    );
    assert.equal(
      auditSubject(entry('mail.stopped', { number: 'M-7' }, { subjectType: 'mail' }), words()),
      'Burgernetmail M-7',
    );
  });

  test('the actor is a name; the command line is said in words', () => {
    assert.equal(auditActor(entry('staff.created', {}), words()), 'Sanne de Vries');
    assert.equal(
      auditActor(entry('staff.created', {}, { actorId: null, actorName: 'cli' }), words()),
      'beheer via de opdrachtregel',
    );
    const names = auditNames(
      [entry('x.y', {}, { actorId: OTHER_ID, actorName: 'Piet' })],
      [{ id: STAFF_ID, name: 'Sanne' }],
    );
    assert.deepEqual(
      [...names],
      [
        [OTHER_ID, 'Piet'],
        [STAFF_ID, 'Sanne'],
      ],
    );
  });
});
