// `brink simulate`: many games with a bot (or the AI) per role, summed up.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { BOTS, isBotName, type BotName, type CompiledScenario } from '../sim';
import { parseCommand, wholeNumber } from './args';
import { CliError, displayPath, fileError, usageError } from './errors';
import { formatCount } from './format';
import { runBatch } from './pool';
import { NO_PROGRESS, progressBar } from './progress';
import { aggregate, formatCsv, formatReport } from './report';
import { findScenario } from './scenarios';
import { parseWhatIfs, variantFor, WHAT_IF_USAGE } from './what-if';

export const DEFAULT_SCENARIO = 'ukraine-2021';
export const PROGRESS_FROM = 2_000;

export const SIMULATE_USAGE = `Usage: brink simulate [--scenario ID|FILE] [--runs N] [--seed S] [--policy ROLE=BOT …]
                      [--what-if SWITCH=OPTION …] [--json | --csv] [--records DIR] [--workers K]

Plays N games (game i uses seed "S#i") and reports how they ended.
  --scenario ID|FILE  scenario id in scenarios/, or a scenario file (default ${DEFAULT_SCENARIO})
  --runs N            number of games (default 1000)
  --seed S            base seed of up to 40 characters (default "brink"); the same seed gives
                      the same output
  --policy ROLE=BOT   who plays ROLE; repeatable; ROLE "all" sets every playable role
                      (a later --policy for one role overrides it). Unset roles: the AI.
                      Bots: ${BOTS.join(', ')}
${WHAT_IF_USAGE}
  --json              the report as JSON
  --csv               one row per game instead of the report
  --records DIR       also write every game as a replayable record, DIR/<seed>.json
  --workers K         worker threads (default: min(2, cores)); the output does not depend on it
A progress bar goes to stderr on a terminal or from ${formatCount(PROGRESS_FROM)} games.`;

export async function simulateCommand(args: readonly string[]): Promise<number> {
  const { values } = parseCommand('simulate', args, {
    help: { type: 'boolean', short: 'h' },
    scenario: { type: 'string', default: DEFAULT_SCENARIO },
    runs: { type: 'string' },
    seed: { type: 'string', default: 'brink' },
    policy: { type: 'string', multiple: true, default: [] },
    'what-if': { type: 'string', multiple: true, default: [] },
    json: { type: 'boolean', default: false },
    csv: { type: 'boolean', default: false },
    records: { type: 'string' },
    workers: { type: 'string' },
  });
  if (values.help) {
    console.log(SIMULATE_USAGE);
    return 0;
  }
  if (values.json && values.csv) throw usageError('choose one of --json and --csv', 'simulate');
  const runs = wholeNumber('simulate', 'runs', values.runs, 1000);
  const workers = wholeNumber('simulate', 'workers', values.workers, defaultWorkers(), 1, 64);
  const requested = parsePolicies(values.policy);
  const whatIf = parseWhatIfs('simulate', values['what-if']);
  const found = findScenario(values.scenario, 'simulate');
  const { file, text } = found;
  const sc = variantFor('simulate', found.sc, whatIf);
  const policies = resolvePolicies(sc, requested);

  const recordsDir = values.records === undefined ? undefined : resolve(values.records);
  if (recordsDir) makeRecordsFolder(recordsDir);

  const showProgress = process.stderr.isTTY === true || runs >= PROGRESS_FROM;
  const progress = showProgress ? progressBar(runs) : NO_PROGRESS;
  const games = await runBatch(sc, {
    scenarioText: text,
    scenarioFile: displayPath(file),
    seed: values.seed,
    policies,
    whatIf: sc.whatIf,
    runs,
    workers,
    ...(recordsDir ? { recordsDir } : {}),
    onProgress: (done) => progress.update(done),
  });
  progress.finish();

  if (values.csv) {
    process.stdout.write(formatCsv(sc, games));
  } else {
    const report = aggregate(sc, values.seed, policies, games);
    process.stdout.write(
      values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(sc, report),
    );
  }
  return 0;
}

/**
 * Creates the records folder and any missing parents, one level at a time: Node's own recursive
 * mkdir spins forever under /proc, where a new folder's parent exists yet mkdir says ENOENT.
 */
function makeRecordsFolder(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const parent = dirname(folder);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && existsSync(parent)) {
        throw new CliError(
          `cannot create the records folder ${displayPath(dir)}: ${displayPath(parent)} does not take new folders`,
          2,
        );
      }
      throw fileError(error, 'cannot create the records folder', dir);
    }
  }
  if (!statSync(dir).isDirectory()) {
    throw new CliError(`cannot use ${displayPath(dir)} as the records folder: it is a file`, 2);
  }
}

export function defaultWorkers(): number {
  return Math.min(2, availableParallelism());
}

/** "us=hawk" pairs, checked for shape and bot name before the scenario is even read. */
function parsePolicies(specs: readonly string[]): [string, BotName][] {
  return specs.map((spec) => {
    const match = /^([^=\s]+)=([^=\s]+)$/.exec(spec.trim());
    if (!match)
      throw usageError(`--policy takes ROLE=BOT, such as us=hawk, not "${spec}"`, 'simulate');
    const [, role, bot] = match as unknown as [string, string, string];
    if (!isBotName(bot)) {
      throw usageError(
        `--policy ${spec}: unknown bot "${bot}"; bots: ${BOTS.join(', ')}`,
        'simulate',
      );
    }
    return [role, bot];
  });
}

/** Only the roles given a bot other than the AI: what `playGame` takes. "all" first, then each role. */
function resolvePolicies(
  sc: CompiledScenario,
  requested: readonly [string, BotName][],
): Record<string, BotName> {
  const playable = sc.roleOrder.filter((r) => sc.roles[r]!.playable);
  const policies: Record<string, BotName> = {};
  const set = (role: string, bot: BotName) => {
    if (bot === 'ai') delete policies[role];
    else policies[role] = bot;
  };
  for (const [role, bot] of requested) if (role === 'all') for (const r of playable) set(r, bot);
  for (const [role, bot] of requested) {
    if (role === 'all') continue;
    if (!sc.roles[role]) {
      throw usageError(
        `--policy ${role}=${bot}: unknown role "${role}"; roles in ${sc.scenario.id}: ${playable.join(', ')}`,
        'simulate',
      );
    }
    if (!sc.roles[role].playable) {
      throw usageError(
        `--policy ${role}=${bot}: ${sc.roles[role].name} is always played by the computer; playable roles: ${playable.join(', ')}`,
        'simulate',
      );
    }
    set(role, bot);
  }
  return policies;
}
