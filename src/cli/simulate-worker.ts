// A worker thread of a batch: loads the scenario itself, then plays the chunks it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { CliError, wordFileError } from './errors';
import { playGames, type BatchJob } from './games';
import type { FromWorker, ToWorker } from './pool';
import { requireScenario } from './scenarios';

const port = parentPort!;
const job = (workerData as { data: BatchJob }).data;
const send = (message: FromWorker) => port.postMessage(message);
/** An error as the main thread reports it: a file that could not be written, worded. */
const failed = (thrown: unknown): FromWorker => {
  const error = wordFileError(thrown) ?? thrown;
  const exitCode = error instanceof CliError ? error.exitCode : 1;
  return { type: 'failed', message: (error as Error).message, exitCode };
};

try {
  const sc = requireScenario(job.scenarioText, job.scenarioFile);
  port.on('message', (message: ToWorker) => {
    try {
      send({
        type: 'played',
        chunk: message.chunk,
        summaries: playGames(sc, job, message.start, message.end),
      });
    } catch (error) {
      send(failed(error));
    }
  });
  send({ type: 'ready' });
} catch (error) {
  send(failed(error));
}
