import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import type { RouteCaller } from '../../app/call-routing/route-caller.js';
import { createAddressAllowList } from './address-allow-list.js';
import { startSipRedirectServer } from './sip-redirect-server.js';

const MIB = 1024 * 1024;
const FLOOD = 3_000;
const routeCaller: RouteCaller = async () => {
  throw new Error('no INVITE in this test');
};
const options = (line: number) =>
  [
    'OPTIONS sip:08000011@127.0.0.1 SIP/2.0',
    `Via: SIP/2.0/UDP 127.0.0.1:9;rport;branch=z9hG4bK-flood-${line}`,
    'From: <sip:platform@platform.test>;tag=flood',
    'To: <sip:08000011@127.0.0.1>',
    `Call-ID: flood-${line}@platform.test`,
    'CSeq: 1 OPTIONS',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');

/** The log lines of a server, as objects. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

/** Datagrams the kernel dropped for want of buffer on the IPv4 UDP socket bound to this port (Linux). */
async function kernelDrops(port: number): Promise<number> {
  const table = await readFile('/proc/net/udp', 'utf8').catch(() => '');
  const local = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return table
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[1]?.endsWith(local))
    .reduce((n, f) => n + Number(f.at(-1) ?? 0), 0);
}

const start = (receiveBufferBytes: number, logger: pino.Logger) =>
  startSipRedirectServer(
    {
      host: '127.0.0.1',
      port: 0,
      limits: { maxMessageBytes: 4_096, maxHeaders: 30, maxHeaderLineBytes: 512 },
      allowed: createAddressAllowList(['127.0.0.1']),
      maxTransactions: 100,
      receiveBufferBytes,
    },
    { routeCaller, logger },
  );

test('the SIP UDP socket asks for its receive buffer and logs what the kernel gave, warning when it is less', async () => {
  const ample = capturedLogger();
  const server = await start(4 * MIB, ample.logger);
  try {
    assert.equal(server.receiveBuffer.requested, 4 * MIB);
    assert.ok(server.receiveBuffer.granted > 0);
    const line = ample.lines.find((l) => l.requestedBytes === 4 * MIB);
    assert.ok(line, 'the size is logged');
    assert.equal(line.grantedBytes, server.receiveBuffer.granted);
    // 40 is warn, 30 info: a warning exactly when the kernel gave less (net.core.rmem_max below 4 MiB).
    assert.equal(line.level, server.receiveBuffer.granted < 4 * MIB ? 40 : 30);
  } finally {
    await server.close();
  }

  const greedy = capturedLogger();
  const capped = await start(256 * MIB, greedy.logger);
  try {
    assert.ok(capped.receiveBuffer.granted < 256 * MIB, 'no kernel here gives 256 MiB by default');
    const line = greedy.lines.find((l) => l.requestedBytes === 256 * MIB);
    assert.equal(line?.level, 40);
    assert.match(String(line?.msg), /net\.core\.rmem_max/);
  } finally {
    await capped.close();
  }
});

test(`a flood of ${FLOOD} OPTIONS datagrams is answered in full, or the kernel's drops account for the rest`, async () => {
  const server = await start(4 * MIB, pino({ level: 'silent' }));
  const platform = createSocket({ type: 'udp4', recvBufferSize: 4 * MIB });
  let answered = 0;
  platform.on('message', () => answered++);
  await new Promise<void>((resolve) => platform.bind(0, '127.0.0.1', resolve));
  try {
    for (let i = 0; i < FLOOD; i++) platform.send(options(i), server.port, '127.0.0.1');
    const platformPort = platform.address().port;
    const deadline = Date.now() + 15_000;
    let dropped = 0;
    for (;;) {
      dropped = (await kernelDrops(server.port)) + (await kernelDrops(platformPort));
      if (answered + dropped >= FLOOD || Date.now() > deadline) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(answered + dropped, FLOOD, `answered ${answered}, dropped ${dropped}`);
    if (server.receiveBuffer.granted >= 4 * MIB) assert.equal(dropped, 0, 'with 4 MiB nothing is dropped');
  } finally {
    platform.close();
    await server.close();
  }
});
