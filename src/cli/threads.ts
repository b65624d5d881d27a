// Worker threads that run TypeScript. Under tsx on Node 20 a worker does not inherit the tsx
// loader (tried: the inherited execArgv and an explicit `execArgv: ['--import', 'tsx']` both fail
// with "Unknown file extension .ts"), so a tiny bootstrap registers tsx in the worker first.
import { Worker } from 'node:worker_threads';

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((api) => {
  api.register();
  return import(workerData.entry);
});
`;

export function startTypeScriptWorker(entry: URL, data: unknown): Worker {
  return new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { tsxApi: import.meta.resolve('tsx/esm/api'), entry: entry.href, data },
  });
}
