import assert from 'node:assert/strict';
import { test } from 'node:test';
import { responseDestination } from './sip-response-destination.js';

const via = (value: string) => ({ headers: [{ name: 'Via', value }] });
const udp = { transport: 'udp' as const, address: '192.0.2.1', port: 40_000 };

test('a UDP response goes to the source address, at the Via port unless rport asks for the source port', () => {
  assert.deepEqual(responseDestination(via('SIP/2.0/UDP 192.0.2.1:5080;branch=z9hG4bK1'), udp), { ...udp, port: 5080 });
  assert.deepEqual(responseDestination(via('SIP/2.0/UDP proxy.example;branch=z9hG4bK1'), udp), { ...udp, port: 5060 });
  assert.deepEqual(responseDestination(via('SIP/2.0/UDP 192.0.2.1:5080;rport;branch=z9hG4bK1'), udp), udp);
  assert.deepEqual(responseDestination(via('garbage'), udp), udp);
  const tcp = { ...udp, transport: 'tcp' as const };
  assert.deepEqual(responseDestination(via('SIP/2.0/TCP 192.0.2.1:5080;branch=z9hG4bK1'), tcp), tcp);
});
