// A worker thread of a batch: loads the scenario itself, then plays the chunks it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { playGames, type BatchJob } from './games';
import type { FromWorker, ToWorker } from './pool';
import { requireScenario } from './scenarios';

const port = parentPort!;
const job = (workerData as { data: BatchJob }).data;
const send = (message: FromWorker) => port.postMessage(message);

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
      send({ type: 'failed', message: (error as Error).message });
    }
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', message: (error as Error).message });
}
