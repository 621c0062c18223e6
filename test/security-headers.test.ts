import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestSystem, type TestSystem } from './support/test-system.js';

describe('response headers a browser or a proxy must not get wrong', () => {
  let t: TestSystem;
  let token: string;
  before(async () => {
    // The proxy in front terminates TLS and says so; only the loopback proxy is trusted.
    t = await startTestSystem({ TRUST_PROXY: '127.0.0.1' });
    token = await t.staffToken('centralist', 'RE05');
  });
  after(() => t.stop());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

  test('staff API answers are never stored by a browser or a proxy, and never sniffed', async () => {
    for (const path of ['/api/v1/actions', '/api/v1/meldkamers', '/api/v1/actions/00000000-0000-4000-8000-000000000000']) {
      const response = await get(path);
      await response.arrayBuffer();
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    }
  });

  test('an app answer that sets its own caching keeps it, and is not sniffed either', async () => {
    const response = await fetch(`${t.url}/app/v1/actions`);
    await response.arrayBuffer();
    assert.match(response.headers.get('cache-control') ?? '', /max-age/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  test('over HTTPS (at the proxy) every answer tells the browser to stay on HTTPS; over plain HTTP nothing is claimed', async () => {
    const secure = await get('/api/v1/actions', { 'x-forwarded-proto': 'https' });
    await secure.arrayBuffer();
    assert.equal(secure.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
    const page = await fetch(`${t.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    await page.arrayBuffer();
    assert.equal(page.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
    const plain = await get('/api/v1/actions');
    await plain.arrayBuffer();
    assert.equal(plain.headers.get('strict-transport-security'), null);
  });

  test('the API documentation page has a content security policy and cannot be framed', async () => {
    const response = await fetch(`${t.url}/docs/api/static/index.html`);
    const html = await response.text();
    assert.equal(response.status, 200, html.slice(0, 200));
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /default-src 'self'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });
});
