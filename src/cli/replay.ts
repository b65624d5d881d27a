// `brink replay FILE`: replays a saved game record, verifies it, and tells the game turn by turn.
import { resolve } from 'node:path';
import {
  parseRecord,
  decodeRecord,
  linkScenario,
  replay,
  selectEnding,
  selectScores,
  selectTurnStory,
  type CompiledScenario,
  type Fault,
  type GameRecord,
  type GameState,
} from '../sim';
import { parseCommand } from './args';
import { CliError, usageError } from './errors';
import { table } from './format';
import {
  SCENARIO_DIR,
  displayPath,
  findScenarioById,
  readText,
  requireScenarioFile,
} from './scenarios';

export const REPLAY_USAGE = `Usage: brink replay FILE|LINK [--verify-only] [--scenario FILE]

Replays a game record (a JSON file, a share link, or a file holding a share link), checks every order and the final hash, and prints the game turn by
turn: orders, the AI's reasons, rolls, events and changes, then the ending, the scores and the
final hash. The scenario is found by the record's scenario id in scenarios/.
  --verify-only    print only the verdict and the final hash
  --scenario FILE  replay against this scenario file instead
Exits 1 if the record is malformed, its scenario is missing or different, or the replay does not
match it; 2 if FILE cannot be read.`;

export async function replayCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    'replay',
    args,
    {
      help: { type: 'boolean', short: 'h' },
      'verify-only': { type: 'boolean', default: false },
      scenario: { type: 'string' },
    },
    true,
  );
  if (values.help) {
    console.log(REPLAY_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    throw usageError(
      positionals.length === 0 ? 'replay needs a record FILE' : 'replay takes one FILE',
      'replay',
    );
  }
  const argument = positionals[0]!;
  // A share link may be given as it is, or in a file; anything else is a record file.
  const isLink = /#game=|^https?:/.test(argument);
  const file = isLink ? '' : resolve(argument);
  const shown = isLink ? 'link' : displayPath(file);
  const faulty = (faults: readonly Fault[]) =>
    new CliError(faults.map((f) => `${shown}: ${f.path || '(file)'}: ${f.message}`).join('\n'));

  const text = isLink ? argument : readText(file, 'record').trim();
  let record: GameRecord;
  let sc: CompiledScenario;
  if (isLink || !text.startsWith('{')) {
    const from = linkScenario(text);
    if (!from)
      throw faulty([{ path: 'link', message: 'not a game record and not a readable share link' }]);
    sc = values.scenario
      ? requireScenarioFile(resolve(values.scenario)).sc
      : scenarioOf({ scenario: { ...from, version: '' } }, shown);
    const decoded = decodeRecord(sc, text);
    if (!decoded.ok) throw faulty(decoded.errors);
    record = decoded.value;
  } else {
    const parsed = parseRecord(text);
    if (!parsed.ok) throw faulty(parsed.errors);
    record = parsed.value;
    sc = values.scenario
      ? requireScenarioFile(resolve(values.scenario)).sc
      : scenarioOf(record, shown);
  }
  const result = replay(sc, record);
  if (!result.ok) throw faulty(result.errors);

  const { state, hash } = result.value;
  const verdict =
    record.finalHash === undefined
      ? 'The record has no final hash; every order replayed without error.'
      : 'Verified: every order replayed and the final hash matches the record.';
  const lines = values['verify-only']
    ? [`${shown}: ${summaryLine(sc, record, state)}`, verdict]
    : [...story(sc, record, state), '', verdict];
  lines.push(`Final hash: ${hash}`);
  console.log(lines.join('\n'));
  return 0;
}

function scenarioOf(record: Pick<GameRecord, 'scenario'>, shown: string): CompiledScenario {
  const found = findScenarioById(record.scenario.id, record.scenario.hash);
  if (!found) {
    throw new CliError(
      `${shown}: scenario.id: this record was played in scenario "${record.scenario.id}", which is not in ${displayPath(SCENARIO_DIR)}/`,
    );
  }
  return found.sc;
}

function summaryLine(sc: CompiledScenario, record: GameRecord, state: GameState): string {
  const ending = selectEnding(sc, state);
  const end = ending
    ? `ended "${ending.name}" on turn ${ending.turn}`
    : `unfinished at turn ${state.turn}`;
  return `${record.orders.length} orders over ${state.reports.length} turns of ${sc.scenario.id} ${sc.scenario.version}, seed "${record.seed}", ${end}`;
}

function story(sc: CompiledScenario, record: GameRecord, state: GameState): string[] {
  const humans = record.humans.length
    ? record.humans.map((h) => sc.roles[h]?.name ?? h).join(', ')
    : 'none (every role played by the AI)';
  const lines = [
    `${sc.scenario.title} (${sc.scenario.id} ${sc.scenario.version}), seed "${record.seed}"`,
    `Orders given by people or bots for: ${humans}`,
  ];
  for (const report of state.reports) lines.push('', ...selectTurnStory(sc, report));
  lines.push('', ...endingLines(sc, state), '', 'Scores');
  lines.push(
    ...table(
      selectScores(sc, state).map((s) => [
        s.name,
        String(s.score),
        s.victory ? 'objectives met' : 'objectives not met',
      ]),
      [0, 2],
    ),
  );
  return lines;
}

function endingLines(sc: CompiledScenario, state: GameState): string[] {
  const ending = selectEnding(sc, state);
  if (!ending) return [`The game is unfinished: orders stop at turn ${state.turn}.`];
  return [
    `Ending: ${ending.name} — turn ${ending.turn}, ${ending.date} (${ending.tone})`,
    `  ${ending.description}`,
    '  Why:',
    ...ending.causes.map((c) => `    - ${c}`),
  ];
}
