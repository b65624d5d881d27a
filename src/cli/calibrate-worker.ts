// A worker thread of `brink calibrate`: loads the scenario itself, then plays the stretches of
// the calibration run it is sent (games numbered across the lines, as playCalibrationGames does).
import { pickLines, playCalibrationGames } from '../sim';
import type { CalibrateJob } from './calibrate';
import { serveGames } from './pool-worker';
import { requireScenario } from './scenarios';
import { buildVariant } from './what-if';

serveGames((job: CalibrateJob) => {
  const sc = buildVariant(requireScenario(job.scenarioText, job.scenarioFile), job.whatIf);
  const { lines } = pickLines(sc.scenario.calibration!, job.lines);
  return (start, end) => playCalibrationGames(sc, lines, job.seed, job.runs, start, end);
});
