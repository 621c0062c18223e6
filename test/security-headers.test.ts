import assert from 'node:assert/strict';
import { connect } from 'node:net';
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

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

  test('staff API answers are never stored by a browser or a proxy, and never sniffed', async () => {
    for (const path of [
      '/api/v1/actions',
      '/api/v1/meldkamers',
      '/api/v1/actions/00000000-0000-4000-8000-000000000000',
    ]) {
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

  test('a request-target that does not start with "/" is refused, not routed past the hooks that check the path', async () => {
    // find-my-way before 9.10.2 routed `*app/v1/actions` to /app/v1/actions while request.url kept the `*`, so
    // every check on request.url.startsWith('/app/v1/') (the app's rate limit, no-store) was skipped.
    // See docs/adr/0022-dependency-audit.md. fetch() always sends a path starting with "/", hence the raw socket.
    const { hostname, port } = new URL(t.url);
    const statusLine = (target: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () =>
          socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
        );
        let answer = '';
        socket.setEncoding('latin1');
        socket.on('data', (chunk: string) => (answer += chunk));
        socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
        socket.on('error', reject);
      });
    assert.match(await statusLine('/app/v1/actions'), / 200 /);
    for (const target of ['*app/v1/actions', '*api/v1/actions']) {
      assert.match(await statusLine(target), / 4\d\d /, target);
    }
  });
});
