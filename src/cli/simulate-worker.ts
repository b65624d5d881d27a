// A worker thread of a batch: loads the scenario itself, then plays the chunks it is sent.
import { playGames, type BatchJob } from './games';
import { serveGames } from './pool-worker';
import { requireScenario } from './scenarios';

serveGames((job: BatchJob) => {
  const sc = requireScenario(job.scenarioText, job.scenarioFile);
  return (start, end) => playGames(sc, job, start, end);
});
