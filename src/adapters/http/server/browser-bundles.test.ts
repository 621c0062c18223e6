import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { browserBundleRoutes, browserBundles } from './browser-bundles.js';

const silent = { info: () => undefined };

async function served() {
  const app = Fastify();
  await app.register(browserBundleRoutes(await browserBundles(silent)));
  return app;
}

test('a page script is served minified as JavaScript, with a source map and an ETag', async () => {
  const app = await served();
  const response = await app.inject('/static/plein/console.js');
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/javascript/);
  assert.equal(response.headers['cache-control'], 'public, max-age=3600');
  assert.match(String(response.headers.etag), /^"[\w-]{27}"$/);
  assert.match(response.body, /\/\/# sourceMappingURL=console\.js\.map\s*$/);
  assert.ok(response.body.split('\n').length < 10, 'minified');

  const map = await app.inject('/static/plein/console.js.map');
  assert.equal(map.statusCode, 200);
  assert.ok(map.json<{ sources: string[] }>().sources.some((s) => s.endsWith('plein/console/incident-area.ts')));

  const again = await app.inject({
    url: '/static/plein/console.js',
    headers: { 'if-none-match': String(response.headers.etag) },
  });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  await app.close();
});

test('classic scripts keep their names to themselves; the app modules load h3-js from the vendor path', async () => {
  const bundles = await browserBundles(silent);
  const text = (url: string) => bundles.get(url)?.body.toString('utf8') ?? assert.fail(`no bundle at ${url}`);
  // Minified top-level names of two classic scripts would clash in the page's one global scope.
  for (const classic of ['/static/plein/console.js', '/static/plein/passkey.js', '/app/sw.js'])
    assert.match(text(classic), /^"use strict";\(\(\)=>\{/, classic);
  assert.match(text('/static/app/app.js'), /from"\/static\/vendor\/h3\/h3-js\.es\.js"/);
  assert.match(text('/static/app/notified-actions.js'), /export\{/);
});

test('the browser code is built once per process, however many apps start', async () => {
  assert.equal(await browserBundles(silent), await browserBundles(silent));
});

test('a script that is not a page entry is not served on its own', async () => {
  const app = await served();
  assert.equal((await app.inject('/static/plein/console-chart.js')).statusCode, 404);
  assert.equal(
    (await app.inject('/app/sw.js')).statusCode,
    404,
    'the service worker is served by the app pages, at its scope',
  );
  await app.close();
});
