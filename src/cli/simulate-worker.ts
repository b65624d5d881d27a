// A worker thread of a batch: loads the scenario itself, then plays the chunks it is sent.
import { playGames, type BatchJob } from './games';
import { serveGames } from './pool-worker';
import { requireScenario } from './scenarios';
import { buildVariant } from './what-if';

serveGames((job: BatchJob) => {
  const sc = buildVariant(requireScenario(job.scenarioText, job.scenarioFile), job.whatIf ?? {});
  return (start, end) => playGames(sc, job, start, end);
});
