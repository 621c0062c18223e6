// Worker threads of Node 20 do not inherit tsx's module hooks: register them, then load the TypeScript worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
