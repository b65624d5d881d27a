// Class codes: what a teacher shows so every group plays the same game set-up — scenario and its
// version, seed, the roles people play, the turn clock and any what-if switches — and what a
// record is checked against afterwards. The seed is percent-encoded, so any seed (colons
// included) survives the trip.
//
//   ukraine-2021@1.0.0:geneva-4821:5:us+eu     (scenario@version:seed:minutes[:roles][:what-ifs])
//   ukraine-2021@1.2.0:geneva-4821:5:us:resolve=setOnWar+dealThreshold=thin
//   ukraine-2021:geneva-4821:5                 (the first codes: no version, no roles, raw seed)
import type { Result } from '../result';
import {
  MAX_CLOCK_MINUTES,
  MAX_HUMANS,
  MAX_ID,
  MAX_SEED,
  MAX_WHAT_IFS,
  VERSION_PATTERN,
} from './limits';
import { shownValue } from './parse';
import type { GameRecord } from './types';
import type { Scenario } from '../scenario/types';
import { describeSetting, normaliseChoice } from '../scenario/what-if';

export interface ClassCode {
  scenario: string;
  /** The scenario version the class plays; null in a first-generation code, which had none. */
  version: string | null;
  seed: string;
  /** Minutes a turn on the class clock; 0 for no clock. */
  minutes: number;
  /** The roles each group plays, in the scenario's order; null when the code leaves them open. */
  roles: string[] | null;
  /** What-if switches the class plays under (switch → option); {} for the model as built. */
  whatIf: Record<string, string>;
}

/** A code in general terms (each scenario has its own ids). */
const EXAMPLE = 'scenario@1.0.0:seed-4821:5:role';
/** A code is typed by hand: anything far longer than a real one is not one. */
const MAX_CODE = 400;
const ID = /^[a-z0-9][a-z0-9._-]*$/i;

export function formatClassCode(code: ClassCode): string {
  const head = code.version ? `${code.scenario}@${code.version}` : code.scenario;
  const parts = [head, encodeURIComponent(code.seed), String(code.minutes)];
  if (code.roles?.length) parts.push(code.roles.join('+'));
  const switches = Object.entries(code.whatIf);
  if (switches.length) parts.push(switches.map(([id, option]) => `${id}=${option}`).join('+'));
  return parts.join(':');
}

const refuse = (message: string): Result<ClassCode> => ({
  ok: false,
  errors: [{ path: 'class code', message }],
});

/** Reads a class code as typed; every fault names the part that is wrong. */
export function parseClassCode(text: string): Result<ClassCode> {
  const code = text.trim();
  if (code === '') return refuse(`The class code is empty; it looks like ${EXAMPLE}.`);
  if (code.length > MAX_CODE)
    return refuse(`That is ${code.length} characters long: too long to be a class code.`);
  const parts = code.split(':');
  // The what-ifs, when given, are the last part, the only one with "=" in it.
  const rawWhatIf = parts.length > 3 && parts.at(-1)!.includes('=') ? parts.pop() : undefined;
  const [head, rawSeed, rawMinutes, rawRoles] = parts as [string, string?, string?, string?];
  const versioned = head.includes('@');
  if (parts.length < 3 || parts.length > (versioned ? 4 : 3) || (rawWhatIf && !versioned)) {
    return refuse(
      versioned
        ? `A class code has three to five parts separated by ":", like ${EXAMPLE}.`
        : `A class code has three parts separated by ":", like scenario:seed-4821:5. (A seed with ":" in it needs a code made by this version of Brink.)`,
    );
  }
  const [scenario, version = null] = versioned ? head.split('@', 2) : [head];
  if (!scenario || scenario.length > MAX_ID || !ID.test(scenario))
    return refuse(
      `The scenario in that class code (${shownValue(scenario)}) is not a scenario id.`,
    );
  if (version !== null && !VERSION_PATTERN.test(version))
    return refuse(
      `The scenario version in that class code (${shownValue(version)}) should look like 1.0.0.`,
    );
  let seed = rawSeed!;
  if (versioned) {
    try {
      seed = decodeURIComponent(rawSeed!);
    } catch {
      return refuse(`The seed in that class code (${shownValue(rawSeed)}) is garbled.`);
    }
  }
  if (seed === '' || seed.length > MAX_SEED)
    return refuse(`The seed in that class code is ${seed === '' ? 'missing' : 'too long'}.`);
  // Strictly digits: Number() would take 1e1, 0x10 or an empty value.
  if (!/^\d{1,2}$/.test(rawMinutes!) || Number(rawMinutes) > MAX_CLOCK_MINUTES) {
    return refuse(
      `The minutes in that class code (${shownValue(rawMinutes)}) must be a whole number from 0 to ${MAX_CLOCK_MINUTES}.`,
    );
  }
  let roles: string[] | null = null;
  if (rawRoles !== undefined) {
    roles = rawRoles.split('+');
    if (roles.length > MAX_HUMANS || roles.some((r) => !ID.test(r) || r.length > MAX_ID))
      return refuse(
        `The roles in that class code (${shownValue(rawRoles)}) are not role ids joined by "+".`,
      );
  }
  const whatIf: Record<string, string> = {};
  if (rawWhatIf !== undefined) {
    const pairs = rawWhatIf.split('+').map((pair) => pair.split('='));
    if (
      pairs.length > MAX_WHAT_IFS ||
      pairs.some((p) => p.length !== 2 || !p.every((id) => ID.test(id) && id.length <= MAX_ID))
    )
      return refuse(
        `The what-if switches in that class code (${shownValue(rawWhatIf)}) are not switch=option pairs joined by "+".`,
      );
    for (const [id, option] of pairs) whatIf[id!] = option!;
  }
  return {
    ok: true,
    value: { scenario, version, seed, minutes: Number(rawMinutes), roles, whatIf },
  };
}

/** One way a record differs from the class's set-up: the class's value beside the record's. */
export interface ClassDifference {
  field: 'scenario' | 'version' | 'seed' | 'roles' | 'clock' | 'whatIf';
  expected: string;
  found: string;
  /** For a `whatIf` difference, the two settings themselves, so a page can word them. */
  settings?: { expected: Record<string, string>; found: Record<string, string> };
}

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  [...a].sort().join('+') === [...b].sort().join('+');

/** Everything in which a record was not played as the class code says (empty when it was). */
export function classDifferences(
  record: GameRecord,
  code: ClassCode,
  /** When given, switches are compared as the scenario reads them ("resolve=modelled" is none). */
  scenario?: Scenario,
): ClassDifference[] {
  const out: ClassDifference[] = [];
  const add = (field: ClassDifference['field'], expected: string, found: string) =>
    out.push({ field, expected, found });
  if (record.scenario.id !== code.scenario) add('scenario', code.scenario, record.scenario.id);
  if (code.version !== null && record.scenario.version !== code.version)
    add('version', code.version, record.scenario.version);
  if (record.seed !== code.seed) add('seed', code.seed, record.seed);
  if (code.roles !== null && !sameRoles(record.humans, code.roles))
    add('roles', code.roles.join('+'), record.humans.join('+') || 'none');
  const clock = record.clock ?? 0;
  if (clock !== code.minutes)
    add(
      'clock',
      minutesText(code.minutes),
      record.clock === undefined ? 'none recorded' : minutesText(clock),
    );
  const normal = (choice: Record<string, string>) => {
    const read = scenario ? normaliseChoice(scenario, choice) : null;
    return read?.ok ? read.value : choice;
  };
  const played = switchesText(normal(record.whatIf ?? {}));
  const asked = switchesText(normal(code.whatIf));
  if (played !== asked) {
    out.push({
      field: 'whatIf',
      expected: asked,
      found: played,
      settings: { expected: { ...code.whatIf }, found: { ...record.whatIf } },
    });
  }
  return out;
}

/** "dealThreshold=thin+resolve=setOnWar", switches in id order, "" for the model as built. */
export function switchesText(whatIf: Readonly<Record<string, string>>): string {
  return Object.entries(whatIf)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, option]) => `${id}=${option}`)
    .join('+');
}

const minutesText = (m: number) => (m === 0 ? 'no clock' : `${m} min a turn`);

/** "seed "x" (the class's is "y")" — one difference in words, values shortened. */
export function describeClassDifference(d: ClassDifference): string {
  const words: Record<ClassDifference['field'], string> = {
    scenario: 'scenario',
    version: 'scenario version',
    seed: 'seed',
    roles: 'roles played',
    clock: 'turn clock',
    whatIf: 'what-if switches',
  };
  const value = (v: string) =>
    d.field === 'seed' ? shownValue(v) : d.field === 'whatIf' && v === '' ? 'as modelled' : v;
  return `${words[d.field]} ${value(d.found)} (the class's is ${value(d.expected)})`;
}

/**
 * One difference in the scenario's words: a what-if setting as the teacher chose it on the title
 * screen ("what-if setting Russia's resolve: Set on war (60–95) (the class's is as modelled)");
 * any other difference as describeClassDifference words it.
 */
export function describeClassDifferenceIn(scenario: Scenario, d: ClassDifference): string {
  if (d.field !== 'whatIf' || !d.settings) return describeClassDifference(d);
  const found = describeSetting(scenario, d.settings.found);
  const expected = describeSetting(scenario, d.settings.expected);
  return `what-if setting ${found} (the class's is ${expected})`;
}
