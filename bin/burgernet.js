#!/usr/bin/env node
// `npx burgernet …` (and `burgernet` once installed): runs src/main.ts through tsx, which maps the `.js` import
// specifiers to the `.ts` files. npx puts node_modules/.bin first on PATH, so `node` above is the project's
// Node 24 (the `node` dependency, ADR 0009). Started by an older Node (./bin/burgernet.js from a shell), this
// hands over to that Node 24 when it is installed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const REQUIRED_MAJOR = 24;
const projectNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));

if (Number(process.versions.node.split('.')[0]) < REQUIRED_MAJOR && existsSync(projectNode)) {
  const child = spawn(projectNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl-C reaches the child from the terminal itself; a SIGTERM sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal === null ? 0 : constants.signals[signal])));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
