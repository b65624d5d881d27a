// `brink calibrate`: how often the model reproduces history. Plays each line of the scenario's
// `calibration` block over many seeds (on worker threads, the same output for any number of
// them) and prints each line's endings, the median turn of the timed ending, how often the war
// stage's first step came before the war, and objectives met, each named in the scenario's words
// (Ukraine's full invasion and recognition, Cuba's invasion and proclaimed missiles); the baseline
// against its targets; every other line's shift from the baseline against the direction the
// literature expects.
import {
  ANY_WAR,
  describeSetting,
  calibrationReport,
  formatDate,
  pickLines,
  playCalibrationGames,
  type CalibrationReport,
  type CompiledScenario,
  type LineReport,
  type PercentRange,
  type Shift,
  type TargetCheck,
} from '../sim';
import { clip, parseCommand, wholeNumber } from './args';
import { CliError, displayPath, usageError } from './errors';
import { formatCount, formatPercent, table } from './format';
import { runGames } from './pool';
import { NO_PROGRESS, progressBar } from './progress';
import { findScenario } from './scenarios';
import { DEFAULT_SCENARIO, PROGRESS_FROM, defaultWorkers } from './simulate';
import { parseWhatIfs, settingLine, variantFor, WHAT_IF_USAGE } from './what-if';

/** The width the report's sentences are wrapped to. */
const WIDTH = 100;

/** What each worker thread starts from. */
export interface CalibrateJob {
  scenarioText: string;
  scenarioFile: string;
  seed: string;
  runs: number;
  /** The lines asked for (none: all). */
  lines: string[];
  /** The what-if switches every line is played under (checked by the main thread). */
  whatIf: Record<string, string>;
}

export const CALIBRATE_USAGE = `Usage: brink calibrate [--scenario ID|FILE] [--runs N] [--seed S] [--line ID …]
                       [--what-if SWITCH=OPTION …] [--json] [--workers K]

Measures how often the model reproduces history: plays each line of play in the scenario's
"calibration" block N times (game i of line L uses seed "S/L#i") and prints its endings, the
median turn of the ending it times (Ukraine: a full invasion), how often the first step of the
war stage (Ukraine: recognition) came before the war, and objectives met; the baseline (the real
line of history) against the targets history sets; and every other line's shift from the
baseline, against the direction the literature expects.
  --scenario ID|FILE  scenario id in scenarios/, or a scenario file (default ${DEFAULT_SCENARIO})
  --runs N            games per line (default 2000)
  --seed S            base seed of up to 40 characters (default "brink"); the same seed gives
                      the same output
  --line ID           measure only this line (repeatable); the baseline is always measured too
${WHAT_IF_USAGE}
                      The targets are history's, set for the model as calibrated: under a
                      switch they show how far that assumption moves the model.
  --json              the report as JSON
  --workers K         worker threads (default: min(2, cores)); the output does not depend on it
A progress bar goes to stderr on a terminal or from ${formatCount(PROGRESS_FROM)} games.`;

export async function calibrateCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommand('calibrate', args, {
    help: { type: 'boolean', short: 'h' },
    scenario: { type: 'string', default: DEFAULT_SCENARIO },
    runs: { type: 'string' },
    seed: { type: 'string', default: 'brink' },
    line: { type: 'string', multiple: true, default: [] },
    'what-if': { type: 'string', multiple: true, default: [] },
    json: { type: 'boolean', default: false },
    workers: { type: 'string' },
  });
  if (values.help) {
    console.log(CALIBRATE_USAGE);
    return 0;
  }
  const runs = wholeNumber('calibrate', 'runs', values.runs, 2000);
  const workers = wholeNumber('calibrate', 'workers', values.workers, defaultWorkers(), 1, 64);
  const whatIf = parseWhatIfs('calibrate', values['what-if']);
  const found = findScenario(values.scenario, 'calibrate');
  const { file, text } = found;
  const sc = variantFor('calibrate', found.sc, whatIf);
  const calibration = sc.scenario.calibration;
  if (!calibration) {
    throw new CliError(
      `${displayPath(file)} has no "calibration" block: no lines of play to measure`,
      2,
      'Give a scenario with one (brink calibrate --help).',
    );
  }
  const { lines, unknown } = pickLines(calibration, values.line);
  if (unknown.length > 0) {
    throw usageError(
      `--line ${clip(unknown[0]!)}: no such line in ${sc.scenario.id}; lines: ${calibration.lines.map((l) => l.id).join(', ')}`,
      'calibrate',
    );
  }

  const total = runs * lines.length;
  const showProgress = process.stderr.isTTY === true || total >= PROGRESS_FROM;
  const progress = showProgress ? progressBar(total) : NO_PROGRESS;
  const job: CalibrateJob = {
    scenarioText: text,
    scenarioFile: displayPath(file),
    seed: values.seed,
    runs,
    lines: values.line,
    whatIf: { ...sc.whatIf },
  };
  const outcomes = await runGames(
    { runs: total, workers, onProgress: (done) => progress.update(done) },
    {
      entry: new URL('./calibrate-worker.ts', import.meta.url),
      job,
      play: (start, end) => playCalibrationGames(sc, lines, values.seed, runs, start, end),
    },
  );
  progress.finish();

  const measured = calibrationReport(sc, calibration, lines, values.seed, runs, outcomes);
  // The setting beside the scenario, so a JSON reader sees which model was measured.
  const { scenario, ...rest } = measured;
  const report = {
    scenario,
    whatIf: { ...sc.whatIf },
    setting: describeSetting(sc.scenario, sc.whatIf),
    ...rest,
  };
  process.stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : formatCalibration(sc, report),
  );
  return 0;
}

export function formatCalibration(sc: CompiledScenario, report: CalibrationReport): string {
  const { scenario } = report;
  const lines = [
    `${sc.scenario.title} (${scenario.id} ${scenario.version}, hash ${scenario.hash})`,
    `Calibration: ${formatCount(report.runs)} game${report.runs === 1 ? '' : 's'} per line; game i of line L uses seed "${report.seed}/L#i"`,
    settingLine(sc, sc.whatIf),
  ];
  for (const line of report.lines) lines.push('', ...formatLine(sc, report, line));
  return `${lines.join('\n')}\n`;
}

/** The war endings in brackets after "Any war" when this short, else on a line of their own. */
const WAR_LIST_INLINE = 60;

function formatLine(sc: CompiledScenario, report: CalibrationReport, line: LineReport): string[] {
  const baseline = line.line === report.baseline;
  const { names } = report;
  const { medianTurn, medianDate } = line.timedEnding;
  const rec = line.recognitionFirst;
  const warList = names.warEndings.join(', ');
  const inline = warList.length <= WAR_LIST_INLINE;
  const out = [
    `${line.name} (${line.line}${baseline ? ', the baseline' : ''})`,
    ...wrap(line.description, '  '),
    ...wrap(`Played by: ${playedBy(sc, line)}.`, '  ', '    '),
    ...table([
      ['Ending', 'games', 'share'],
      ...line.endings.map((e) => [e.name, formatCount(e.count), formatPercent(e.share)]),
      [
        inline ? `Any war (${warList})` : 'Any war (the endings below)',
        formatCount(line.anyWar.count),
        formatPercent(line.anyWar.share),
      ],
    ]),
    ...(inline ? [] : wrap(`War endings: ${warList}.`, '  ', '    ')),
    ...table([
      [
        `${names.timedEnding}, median ${period(sc)}`,
        medianTurn === null ? 'none in these games' : turnAndDate(sc, medianTurn, medianDate!),
      ],
      [
        `${names.firstStage} before the war`,
        rec.share === null
          ? 'no war games'
          : `${formatPercent(rec.share)} (${formatCount(rec.count)} of ${formatCount(rec.warGames)} war games)`,
      ],
      ...line.objectivesMet.map((o) => [`Objectives met: ${o.name}`, formatPercent(o.share)]),
    ]),
  ];
  if (line.targets) {
    const met = line.targets.filter((t) => t.met).length;
    out.push(`  Targets: ${met} of ${line.targets.length} met`);
    for (const t of line.targets) {
      const text = describeTarget(sc, report, line, t);
      out.push(...wrap(`${t.met ? '✔' : '✘'} ${text}`, '    ', '      '));
    }
  }
  if (line.shifts) {
    out.push(`  Against the baseline (${report.baseline}):`);
    for (const s of line.shifts) out.push(...wrap(describeShift(sc, s), '    ', '      '));
    if (line.citation) out.push(...wrap(`Why: ${line.citation}`, '  ', '    '));
  }
  return out;
}

function playedBy(sc: CompiledScenario, line: LineReport): string {
  const byBot = new Map<string, string[]>();
  for (const role of sc.roleOrder) {
    const bot = line.policies[role] ?? 'ai';
    byBot.set(bot, [...(byBot.get(bot) ?? []), sc.roles[role]!.name]);
  }
  return [...byBot]
    .map(([bot, roles]) => `${roles.join(', ')}: ${bot === 'ai' ? 'the AI' : bot}`)
    .join('; ');
}

function endingName(sc: CompiledScenario, id: string): string {
  return id === ANY_WAR ? 'Any war' : (sc.scenario.endings.find((e) => e.id === id)?.name ?? id);
}

/** What a turn is called: a week, a day, or (for other lengths) a turn. */
function period(sc: CompiledScenario): string {
  const days = sc.scenario.daysPerTurn;
  return days === 7 ? 'week' : days === 1 ? 'day' : 'turn';
}

function turnAndDate(sc: CompiledScenario, turn: number, date: string): string {
  const days = sc.scenario.daysPerTurn;
  const when =
    days === 1 ? formatDate(date) : `${days === 7 ? 'week' : 'turn'} of ${formatDate(date)}`;
  return `turn ${turn}, ${when}`;
}

function describeRange(range: PercentRange): string {
  const { atLeast, atMost, moreThan } = range;
  if (atLeast !== undefined && atMost !== undefined) return `${atLeast}–${atMost}%`;
  const parts = [
    ...(atLeast !== undefined ? [`at least ${atLeast}%`] : []),
    ...(moreThan !== undefined ? [`more than ${moreThan}%`] : []),
    ...(atMost !== undefined ? [`at most ${atMost}%`] : []),
  ];
  return parts.join(' and ');
}

function describeTarget(
  sc: CompiledScenario,
  report: CalibrationReport,
  line: LineReport,
  t: TargetCheck,
): string {
  const { names } = report;
  switch (t.kind) {
    case 'mostLikelyEnding': {
      const top = line.endings.find((e) => e.id === t.mostLikely[0]);
      const names = t.mostLikely.map((id) => endingName(sc, id)).join(' and ');
      const share = top ? ` (${formatPercent(top.share)})` : '';
      return `${endingName(sc, t.ending)} is the most likely single ending: ${t.met ? 'it is' : `the most likely is ${names}`}${share}`;
    }
    case 'endingShare':
      return `${endingName(sc, t.ending)} in ${describeRange(t.range)} of games: ${formatPercent(t.share)}`;
    case 'invasionMedian': {
      const median = t.medianTurn === null ? 'none in these games' : offBy(t.medianTurn, t.turn);
      return `${names.timedEnding}, median ${period(sc)} within ${t.withinTurns} turns of ${formatDate(t.date)} (turn ${t.turn}): ${median}`;
    }
    case 'recognitionFirst':
      return `${names.firstStage} before the war in ${describeRange(t.range)} of war games: ${t.share === null ? 'no war games' : formatPercent(t.share)}`;
    case 'anyWar':
      return `Any war in ${describeRange(t.range)} of games: ${formatPercent(t.share)}`;
  }
}

/** Text in lines of at most WIDTH characters: the first after `indent`, the rest after `hanging`. */
function wrap(text: string, indent: string, hanging = indent): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/)) {
    if (line.trim() && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = hanging + word;
    } else {
      line = line.trim() ? `${line} ${word}` : line + word;
    }
  }
  lines.push(line);
  return lines;
}

function offBy(turn: number, target: number): string {
  const off = Math.abs(turn - target);
  const when =
    turn === target
      ? 'on it'
      : `${off} turn${off === 1 ? '' : 's'} ${turn < target ? 'early' : 'late'}`;
  return `turn ${turn}, ${when}`;
}

const VERDICTS: Record<Shift['verdict'], string> = {
  expected: '✔ as expected',
  unclear: '· within the noise',
  opposite: '✘ the other way',
};

function describeShift(sc: CompiledScenario, s: Shift): string {
  const points = `${s.points > 0 ? '+' : s.points < 0 ? '−' : '±'}${Math.abs(s.points).toFixed(1)}`;
  return `${VERDICTS[s.verdict]}: ${endingName(sc, s.measure)} expected ${s.expected}, ${formatPercent(s.share)} against ${formatPercent(s.baseline)} (${points} points; noise ±${s.noise.toFixed(1)})`;
}
