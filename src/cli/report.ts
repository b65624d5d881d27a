// What a batch of games adds up to: endings, scores and key variables, as a readable report, as
// JSON, or one CSV row per game. Everything here is computed from summaries in game order, so it
// is the same for any number of workers; no timings ever go in.
import {
  AS_MODELLED_WORDS,
  describeSetting,
  switchesText,
  type BotName,
  type CompiledScenario,
  type GameSummary,
} from '../sim';
import { settingLine } from './what-if';
import { formatCount, formatPercent, round, table } from './format';

/** The variables a batch reports at the end of each game, where the scenario has them. */
export const KEY_VARIABLES = [
  'tension',
  'russianForces',
  'allianceCohesion',
  'deterrenceCredibility',
  'russianEconomy',
  'dealProgress',
  'ukraineMilitary',
] as const;

export interface Distribution {
  mean: number;
  min: number;
  p10: number;
  median: number;
  p90: number;
  max: number;
}

export interface BatchReport {
  scenario: { id: string; version: string; hash: string };
  /** The what-if switches the games were played under (switch → option); {} as modelled. */
  whatIf: Record<string, string>;
  /** The same in words: "as modelled", or each switch changed and its option. */
  setting: string;
  seed: string;
  runs: number;
  endings: { id: string; name: string; count: number; share: number }[];
  /** `policy` is the bot playing the role, "ai" for the built-in AI. */
  roles: { id: string; name: string; policy: BotName; meanScore: number; victoryRate: number }[];
  variables: Record<string, Distribution>;
  escalationTotal: Distribution;
  peakTension: Distribution;
}

export function keyVariables(sc: CompiledScenario): string[] {
  return KEY_VARIABLES.filter((id) => sc.variables[id] !== undefined);
}

/** Mean and nearest-rank percentiles; the mean to two decimals so JSON reads the same everywhere. */
export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
  let sum = 0;
  for (const v of values) sum += v;
  return {
    mean: round(values.length ? sum / values.length : 0, 2),
    min: sorted[0] ?? 0,
    p10: rank(0.1),
    median: rank(0.5),
    p90: rank(0.9),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

export function aggregate(
  sc: CompiledScenario,
  seed: string,
  /** The roles played by a bot; the rest are played by the AI. */
  policies: Readonly<Record<string, BotName>>,
  games: readonly GameSummary[],
): BatchReport {
  const n = games.length;
  const endingCounts = new Map<string, number>();
  for (const g of games) endingCounts.set(g.ending, (endingCounts.get(g.ending) ?? 0) + 1);
  // Scenario order first, every ending listed; anything else (an unfinished game) after.
  const endings = sc.scenario.endings.map((e) => ({ id: e.id, name: e.name }));
  for (const id of endingCounts.keys()) {
    if (!endings.some((e) => e.id === id)) endings.push({ id, name: id });
  }
  const variables: Record<string, Distribution> = {};
  for (const id of keyVariables(sc))
    variables[id] = distribution(games.map((g) => g.finalVars[id] ?? 0));
  return {
    scenario: { id: sc.scenario.id, version: sc.scenario.version, hash: sc.hash },
    whatIf: { ...sc.whatIf },
    setting: describeSetting(sc.scenario, sc.whatIf),
    seed,
    runs: n,
    endings: endings.map((e) => {
      const count = endingCounts.get(e.id) ?? 0;
      return { ...e, count, share: round(n ? count / n : 0, 4) };
    }),
    roles: sc.scenario.roles.map((r) => ({
      id: r.id,
      name: r.name,
      policy: policies[r.id] ?? 'ai',
      meanScore: distribution(games.map((g) => g.scores[r.id] ?? 0)).mean,
      victoryRate: round(n ? games.filter((g) => g.victories[r.id]).length / n : 0, 4),
    })),
    variables,
    escalationTotal: distribution(games.map((g) => g.escalationTotal)),
    peakTension: distribution(games.map((g) => g.peakTension)),
  };
}

export function formatReport(sc: CompiledScenario, report: BatchReport): string {
  const { scenario } = report;
  const lines = [
    `${sc.scenario.title} (${scenario.id} ${scenario.version}, hash ${scenario.hash})`,
    `${formatCount(report.runs)} game${report.runs === 1 ? '' : 's'} from seed "${report.seed}"`,
    settingLine(sc, sc.whatIf),
    '',
    'Endings',
    ...table([
      ['', 'games', 'share'],
      ...report.endings.map((e) => [e.name, formatCount(e.count), formatPercent(e.share)]),
    ]),
    '',
    'Roles',
    ...table([
      ['', 'played by', 'mean score', 'victories'],
      ...report.roles.map((r) => [
        r.name,
        r.policy === 'ai' ? 'AI' : r.policy,
        r.meanScore.toFixed(1),
        formatPercent(r.victoryRate),
      ]),
    ]),
    '',
    'At the end of the game',
    ...table([
      ['', 'mean', 'min', 'p10', 'median', 'p90', 'max'],
      ...Object.entries(report.variables).map(([id, d]) =>
        distributionRow(sc.variables[id]?.name ?? id, d),
      ),
      distributionRow('Escalation total', report.escalationTotal),
      distributionRow('Peak tension', report.peakTension),
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

function distributionRow(name: string, d: Distribution): string[] {
  return [name, d.mean.toFixed(1), ...[d.min, d.p10, d.median, d.p90, d.max].map(String)];
}

/** One row per game: seed, ending, scores and victories per role, the key variables at the end. */
export function formatCsv(sc: CompiledScenario, games: readonly GameSummary[]): string {
  const roles = sc.roleOrder;
  const vars = keyVariables(sc);
  const header = [
    'seed',
    'ending',
    'endingTurn',
    ...roles.map((r) => `score_${r}`),
    ...roles.map((r) => `victory_${r}`),
    ...vars,
    'escalationTotal',
    'peakTension',
    'whatIf',
  ];
  const setting = switchesText(sc.whatIf) || AS_MODELLED_WORDS;
  const rows = games.map((g) => [
    g.seed,
    g.ending,
    g.endingTurn,
    ...roles.map((r) => g.scores[r] ?? ''),
    ...roles.map((r) => (g.victories[r] ? 1 : 0)),
    ...vars.map((v) => g.finalVars[v] ?? ''),
    g.escalationTotal,
    g.peakTension,
    setting,
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
