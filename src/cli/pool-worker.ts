// The thread side of the pool (pool.ts): a worker sets itself up from its job once, says it is
// ready, then plays each chunk it is sent. Any failure goes back as a message the main thread
// reports as its own, a file that could not be written worded as elsewhere.
import { parentPort, workerData } from 'node:worker_threads';
import { CliError, wordFileError } from './errors';
import type { FromWorker, ToWorker } from './pool';

export function serveGames<Job, Result>(
  setUp: (job: Job) => (start: number, end: number) => Result[],
): void {
  const port = parentPort!;
  const send = (message: FromWorker<Result>) => port.postMessage(message);
  try {
    const play = setUp((workerData as { data: Job }).data);
    port.on('message', (message: ToWorker) => {
      try {
        send({
          type: 'played',
          chunk: message.chunk,
          summaries: play(message.start, message.end),
        });
      } catch (error) {
        send(failed(error));
      }
    });
    send({ type: 'ready' });
  } catch (error) {
    send(failed(error));
  }
}

function failed(thrown: unknown): FromWorker<never> {
  const error = wordFileError(thrown) ?? thrown;
  const exitCode = error instanceof CliError ? error.exitCode : 1;
  return { type: 'failed', message: (error as Error).message, exitCode };
}
