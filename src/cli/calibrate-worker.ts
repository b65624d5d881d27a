// A worker thread of `brink calibrate`: loads the scenario itself, then plays the stretches of
// the calibration run it is sent (games numbered across the lines, as playCalibrationGames does).
import { pickLines, playCalibrationGames } from '../sim';
import type { CalibrateJob } from './calibrate';
import { serveGames } from './pool-worker';
import { requireScenario } from './scenarios';

serveGames((job: CalibrateJob) => {
  const sc = requireScenario(job.scenarioText, job.scenarioFile);
  const { lines } = pickLines(sc.scenario.calibration!, job.lines);
  return (start, end) => playCalibrationGames(sc, lines, job.seed, job.runs, start, end);
});
