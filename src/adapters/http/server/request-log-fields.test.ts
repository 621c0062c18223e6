import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { requestLogFields } from './request-log-fields.js';

const request = (url: string) => ({ url, method: 'GET', ip: '192.0.2.7' }) as FastifyRequest;

test('a request log line has the path, never the query string; for the app and public pages not the address either', () => {
  assert.deepEqual(requestLogFields(request('/api/v1/participants?q=Jansen&phone=0612345678&purpose=x')), {
    method: 'GET',
    path: '/api/v1/participants',
    query: '[weggelaten]',
    remoteAddress: '192.0.2.7',
  });
  assert.deepEqual(requestLogFields(request('/app/v1/actions?lat=52.3&lon=4.8')), {
    method: 'GET',
    path: '/app/v1/actions',
    query: '[weggelaten]',
  });
  assert.deepEqual(requestLogFields(request('/acties/0b8f')), { method: 'GET', path: '/acties/0b8f' });
  assert.deepEqual(requestLogFields(request('/app')), { method: 'GET', path: '/app' });
});

test('a secret in the path (a staff activation link) never reaches the log: only that it was there', () => {
  const token = 'Xk3v9Qm2Lr7Tz1Pw8Yb4Nc6Hd0Fs5Ja';
  const fields = requestLogFields(request(`/plein/activeren/${token}`));
  assert.deepEqual(fields, { method: 'GET', path: '/plein/activeren/[verborgen]', remoteAddress: '192.0.2.7' });
  assert.ok(!JSON.stringify(requestLogFields(request(`/plein/activeren/${token}?x=1`))).includes(token));
});
