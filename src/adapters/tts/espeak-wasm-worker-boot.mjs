// Starts the TypeScript worker. The parent starts this thread without its flags (no `--import tsx`), so the
// espeak-ng package loads first as Node loads it: through tsx, its 840 KB of generated JavaScript would go through
// esbuild (tsx rewrites every file that uses import.meta), which costs one to three seconds. Then tsx's hooks are
// registered for our own modules, and the worker finds the package already loaded.
import '@echogarden/espeak-ng-emscripten';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
