import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';
import { providersWithoutSecret } from './config-oidc.js';

const provider = {
  id: 'politie',
  name: 'Politie Amsterdam',
  issuer: 'https://sso.politie.example',
  clientId: 'plein',
  meldkamers: ['RE05'],
};
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return [...error.problems];
  }
};

test('single sign-on providers are read from JSON with their defaults', () => {
  const config = loadConfig({
    OIDC_PROVIDERS: JSON.stringify([provider]),
    OIDC_CLIENT_SECRETS: '{"politie":"geheim"}',
  });
  assert.deepEqual(config.OIDC_PROVIDERS?.[0], {
    ...provider,
    gemeenten: [],
    landelijk: false,
    emailClaim: 'email',
    requireVerifiedEmail: true,
    mfaAcrValues: [],
    scope: 'openid email',
    tokenEndpointAuth: 'client_secret_basic',
  });
  assert.deepEqual(config.OIDC_CLIENT_SECRETS, { politie: 'geheim' });
  assert.deepEqual(providersWithoutSecret(config.OIDC_PROVIDERS, {}), ['politie']);
});

test('a bad provider list stops the start with the variable named', () => {
  const bad: unknown[] = [
    'geen json',
    [{ ...provider, meldkamers: [] }],
    [{ ...provider, roleClaim: 'groups' }],
    [{ ...provider, scope: 'email' }],
    [{ ...provider, id: 'Politie Amsterdam' }],
    [{ ...provider, issuer: 'niet-een-url' }],
    [provider, provider],
    [{ ...provider, roles: { x: 'koning' }, roleClaim: 'groups' }],
    [{ ...provider, clientSecret: 'hoort hier niet' }],
  ];
  for (const value of bad) {
    const problems = problemsOf({ OIDC_PROVIDERS: typeof value === 'string' ? value : JSON.stringify(value) });
    assert.ok(
      problems.some((p) => p.startsWith('OIDC_PROVIDERS')),
      `${JSON.stringify(value)}: ${problems.join('; ')}`,
    );
  }
  assert.ok(problemsOf({ OIDC_CLIENT_SECRETS: '["geheim"]' }).some((p) => p.startsWith('OIDC_CLIENT_SECRETS')));
});
