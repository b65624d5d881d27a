// `brink replay FILE`: replays a saved game record, verifies it, and tells the game turn by turn.
import { resolve } from 'node:path';
import {
  classDifferences,
  describeClassDifferenceIn,
  describeSetting,
  isAsModelled,
  formatClassCode,
  parseClassCode,
  parseRecord,
  decodeRecord,
  linkScenario,
  replay,
  selectEnding,
  selectScores,
  verdictOf,
  selectTurnStory,
  turnStoryLines,
  type ClassCode,
  type CompiledScenario,
  type Fault,
  type GameRecord,
  type GameState,
} from '../sim';
import { parseCommand } from './args';
import { CliError, usageError } from './errors';
import { table } from './format';
import { settingLine } from './what-if';
import {
  SCENARIO_DIR,
  displayPath,
  findScenarioById,
  readText,
  requireScenarioFile,
} from './scenarios';

export const REPLAY_USAGE = `Usage: brink replay FILE|LINK [--scenario FILE] [--class CODE]
       brink replay --verify-only [--class CODE] FILE|LINK…

Replays a game record (a JSON file, a share link, or a file holding a share link), checks every
order and the final hash, and prints the game turn by turn: orders, the AI's reasons, rolls,
events and changes, then the ending, the scores and the final hash. The scenario is found by the
record's scenario id in scenarios/; a game played under what-if switches is replayed under them,
and its setting is printed at the top.
  --verify-only    print only the verdict and the final hash (any number of records)
  --class CODE     also check each record against the class code the teacher gave
                   (scenario, version, seed, roles played, turn clock, what-if switches)
  --scenario FILE  replay against this scenario file instead

What is checked: every order is legal and the replay reaches the final hash the record carries.
A hash has no secret, so this shows a record is consistent, not that it was played as recorded:
anyone can change the orders and recompute the hash. --class shows whether it was set up as the
class was. A record with orders but no final hash is flagged: there is nothing to check it by.
Exits 1 if any record is malformed, its scenario is missing or different, the replay does not
match it, it has no final hash, or it differs from the class code; 2 if a FILE cannot be read.`;

export async function replayCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    'replay',
    args,
    {
      help: { type: 'boolean', short: 'h' },
      'verify-only': { type: 'boolean', default: false },
      scenario: { type: 'string' },
      class: { type: 'string' },
    },
    true,
  );
  if (values.help) {
    console.log(REPLAY_USAGE);
    return 0;
  }
  const verifyOnly = values['verify-only'];
  if (positionals.length === 0) throw usageError('replay needs a record FILE or a LINK', 'replay');
  if (positionals.length > 1 && !verifyOnly)
    throw usageError('replay tells one game; add --verify-only to check several', 'replay');
  let classCode: ClassCode | undefined;
  if (values.class !== undefined) {
    const parsed = parseClassCode(values.class);
    if (!parsed.ok) throw usageError(`--class: ${parsed.errors[0]!.message}`, 'replay');
    classCode = parsed.value;
  }
  const scenarioFile = values.scenario === undefined ? undefined : resolve(values.scenario);
  if (positionals.length === 1) {
    const checked = check(positionals[0]!, scenarioFile, classCode);
    const lines = verifyOnly
      ? [`${checked.shown}: ${summaryLine(checked)}`, ...checked.verdict]
      : [...story(checked), '', ...checked.verdict];
    lines.push(`Final hash: ${checked.hash}`);
    console.log(lines.join('\n'));
    return checked.flagged ? 1 : 0;
  }
  // Several records: one verdict each; a record that cannot be replayed is a verdict too.
  let flagged = 0;
  for (const argument of positionals) {
    try {
      const checked = check(argument, scenarioFile, classCode);
      console.log(`${checked.shown}: ${summaryLine(checked)}, final hash ${checked.hash}`);
      for (const line of checked.verdict) console.log(`  ${line}`);
      if (checked.flagged) flagged++;
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      console.log(
        error.message
          .split('\n')
          .map((line, i) => (i ? `  ${line}` : line))
          .join('\n'),
      );
      flagged++;
    }
  }
  console.log(
    `${positionals.length - flagged} of ${positionals.length} records passed every check; ${flagged} flagged.`,
  );
  return flagged > 0 ? 1 : 0;
}

interface Checked {
  shown: string;
  sc: CompiledScenario;
  record: GameRecord;
  state: GameState;
  hash: string;
  /** What was checked, in words, one line each. */
  verdict: string[];
  /** Something a teacher should look at: no hash to check, or not the class's set-up. */
  flagged: boolean;
}

/** Reads, replays and checks one record or link; a fault that stops the replay is thrown. */
function check(argument: string, scenarioFile?: string, classCode?: ClassCode): Checked {
  // A share link may be given as it is, or in a file; anything else is a record file.
  const isLink = /#game=|^https?:/.test(argument);
  const file = isLink ? '' : resolve(argument);
  const shown = isLink ? 'link' : displayPath(file);
  const faulty = (faults: readonly Fault[]) =>
    new CliError(
      faults
        .map((f) =>
          f.path && f.path !== 'link'
            ? `${shown}: ${f.path}: ${f.message}`
            : `${shown}: ${f.message}`,
        )
        .join('\n'),
    );

  const text = isLink ? argument : readText(file, 'record').trim();
  const json = isLink ? undefined : parseJson(text);
  let record: GameRecord;
  let sc: CompiledScenario;
  if (json === undefined) {
    const from = linkScenario(text);
    if (!from)
      throw faulty([
        {
          path: '',
          message: isLink
            ? 'the link is damaged or incomplete: it does not hold a game'
            : 'not a game record (not JSON) and not a readable share link',
        },
      ]);
    sc = scenarioFile
      ? requireScenarioFile(scenarioFile).sc
      : scenarioOf({ scenario: { ...from, version: '' } }, shown);
    const decoded = decodeRecord(sc, text);
    if (!decoded.ok) throw faulty(decoded.errors);
    record = decoded.value;
  } else {
    const parsed = parseRecord(json.value);
    if (!parsed.ok) throw faulty(parsed.errors);
    record = parsed.value;
    sc = scenarioFile ? requireScenarioFile(scenarioFile).sc : scenarioOf(record, shown);
  }
  const result = replay(sc, record);
  if (!result.ok) throw faulty(result.errors);
  const { state, hash } = result.value;

  const verdict: string[] = [];
  let flagged = false;
  if (result.value.claim === 'matches') {
    verdict.push(
      'Replays to the ending and final hash the record carries: every order is legal and the hash matches.',
    );
  } else if (result.value.claim === 'matchesEarlier') {
    verdict.push(
      `Replays to the ending and final hash the record carries (${record.finalHash ?? ''}, as earlier versions of Brink computed it): every order is legal and the hash matches.`,
    );
  } else if (record.orders.length > 0) {
    verdict.push(
      'Not checked: the record has orders but no final hash, so there is nothing to compare the replay with.',
    );
    flagged = true;
  } else {
    verdict.push('A game with no orders yet: nothing to check.');
  }
  if (classCode) {
    const differences = classDifferences(record, classCode, sc.scenario);
    if (differences.length === 0) {
      verdict.push(`Set up as the class code says: ${formatClassCode(classCode)}.`);
    } else {
      verdict.push(
        `Differs from the class code: ${differences.map((d) => describeClassDifferenceIn(sc.scenario, d)).join('; ')}.`,
      );
      flagged = true;
    }
  }
  return { shown, sc, record, state, hash, verdict, flagged };
}

/** The parsed JSON of a file, or undefined when it is not JSON (a file holding a link). */
function parseJson(text: string): { value: unknown } | undefined {
  if (!/^[[{"]/.test(text)) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    // Starts like JSON but is not: parseRecord says where it breaks.
    return { value: text };
  }
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

function summaryLine({ sc, record, state }: Checked): string {
  const ending = selectEnding(sc, state);
  const end = ending
    ? `ended "${ending.name}" on turn ${ending.turn}`
    : `unfinished at turn ${state.turn}`;
  const setting = isAsModelled(state.whatIf)
    ? ''
    : `, under what-if switches (${describeSetting(sc.scenario, state.whatIf)})`;
  return `${record.orders.length} orders over ${state.reports.length} turns of ${sc.scenario.id} ${sc.scenario.version}, seed "${record.seed}"${setting}, ${end}`;
}

function story({ sc, record, state }: Checked): string[] {
  const humans = record.humans.length
    ? record.humans.map((h) => sc.roles[h]?.name ?? h).join(', ')
    : 'none (every role played by the AI)';
  const lines = [
    `${sc.scenario.title} (${sc.scenario.id} ${sc.scenario.version}), seed "${record.seed}"`,
    settingLine(sc, state.whatIf),
    `Orders given by people or bots for: ${humans}`,
  ];
  for (const report of state.reports)
    lines.push('', ...turnStoryLines(selectTurnStory(sc, report)));
  lines.push('', ...endingLines(sc, state), '', 'Scores');
  lines.push(
    ...table(
      selectScores(sc, state).map((s) => [s.name, String(s.score), `objectives ${verdictOf(s)}`]),
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
