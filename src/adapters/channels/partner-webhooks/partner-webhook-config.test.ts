import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePartnerWebhooks, partnerWebhooksSchema } from './partner-webhook-config.js';
import { generateWebhookSecret } from './standard-webhook-signature.js';

const partner = (overrides: Record<string, unknown> = {}) => ({
  id: 'amber-alert-nl',
  name: 'AMBER Alert Nederland',
  url: 'https://hooks.amberalert.example/burgernet',
  secrets: [generateWebhookSecret()],
  ...overrides,
});

function problemsOf(value: unknown): readonly string[] {
  const parsed = parsePartnerWebhooks(typeof value === 'string' ? value : JSON.stringify(value));
  assert.equal(parsed.ok, false, 'expected problems');
  return parsed.ok ? [] : parsed.problems;
}

describe('PARTNER_WEBHOOKS', () => {
  test('absent means no partners', () => {
    assert.deepEqual(parsePartnerWebhooks(undefined), { ok: true, partners: [] });
  });

  test('a partner with defaults: every kind of event, a 15-second timeout', () => {
    const given = partner();
    const parsed = parsePartnerWebhooks(
      JSON.stringify([
        given,
        partner({
          id: 'nos',
          name: 'NOS',
          secrets: [generateWebhookSecret()],
          events: ['action.started'],
          timeoutSeconds: 30,
        }),
      ]),
    );
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.partners[0], {
      id: 'amber-alert-nl',
      name: 'AMBER Alert Nederland',
      url: given.url,
      secrets: given.secrets,
      timeoutMs: 15_000,
    });
    assert.deepEqual(parsed.partners[1]?.events, ['action.started']);
    assert.equal(parsed.partners[1]?.timeoutMs, 30_000);
  });

  test('plain http only to this machine', () => {
    assert.equal(parsePartnerWebhooks(JSON.stringify([partner({ url: 'http://127.0.0.1:9000/hook' })])).ok, true);
    assert.deepEqual(problemsOf([partner({ url: 'http://hooks.example/x' })]), [
      'PARTNER_WEBHOOKS[0].url: must be https (plain http only to localhost, 127.0.0.1 or [::1])',
    ]);
    assert.deepEqual(problemsOf([partner({ url: 'https://u:p@hooks.example/x' })]), [
      'PARTNER_WEBHOOKS[0].url: must not hold a user name or password (the partner checks our signature instead)',
    ]);
  });

  test('names every problem at once, with where it is', () => {
    const problems = problemsOf([
      partner({ id: 'Amber Alert', secrets: [] }),
      partner({ secrets: ['whsec_c2hvcnQ=', 'geheim'], events: ['action.started', 'action.deleted'] }),
      partner({ colour: 'red', events: ['action.closed', 'action.closed'] }),
      partner({ secrets: [generateWebhookSecret(), generateWebhookSecret(), generateWebhookSecret()] }),
    ]);
    assert.deepEqual(problems, [
      'PARTNER_WEBHOOKS[0].id: lowercase letters, digits and dashes, at most 40 (it names the destination in the outbox)',
      'PARTNER_WEBHOOKS[0].secrets: at least one secret',
      'PARTNER_WEBHOOKS[1].secrets[0]: a secret holds 24 to 64 bytes (32 to 88 base64 characters)',
      'PARTNER_WEBHOOKS[1].secrets[1]: a secret starts with whsec_',
      problems[4]!,
      'PARTNER_WEBHOOKS[2].events: each kind once',
      'PARTNER_WEBHOOKS[2]: Unrecognized key: "colour"',
      'PARTNER_WEBHOOKS[3].secrets: at most two secrets: the new one and, while the partner switches, the old one',
    ]);
    assert.match(problems[4]!, /^PARTNER_WEBHOOKS\[1\]\.events\[1\]: Invalid option/);
  });

  test('ids are unique, and no two partners share a secret', () => {
    const shared = generateWebhookSecret();
    assert.deepEqual(
      problemsOf([partner({ secrets: [shared] }), partner({ id: 'nos', secrets: [shared] }), partner({ id: 'nos' })]),
      [
        'PARTNER_WEBHOOKS[1].secrets: shares a secret with partner amber-alert-nl; each partner needs its own',
        'PARTNER_WEBHOOKS[2].id: id nos is used twice',
      ],
    );
  });

  test('at most 50 partners', () => {
    const many = Array.from({ length: 51 }, (_, i) => partner({ id: `p${i}`, secrets: [generateWebhookSecret()] }));
    assert.deepEqual(problemsOf(many), ['PARTNER_WEBHOOKS: at most 50 partners']);
  });

  test('no message repeats a secret or the text around a JSON error', () => {
    const secret = generateWebhookSecret();
    const broken = `[{"id":"x","secrets":["${secret}"]`;
    assert.deepEqual(problemsOf(broken), ['PARTNER_WEBHOOKS: not valid JSON']);
    const tooLong = `whsec_${Buffer.alloc(80, 1).toString('base64')}`;
    const problems = problemsOf([partner({ secrets: [tooLong], url: 'http://hooks.example/?token=abc' })]).join('\n');
    assert.ok(!problems.includes(tooLong.slice(6, 20)) && !problems.includes('token=abc'));
  });

  test('the schema says what the key is for', () => {
    assert.match(partnerWebhooksSchema.description ?? '', /Standard Webhooks/);
  });
});
