// Games played before a scenario changed still open: records and links of Ukraine 1.0.0 and 1.1.0
// and of Cuba 1.0.0 replay to the final hash they carry with the archived file of their version
// (Ukraine 1.0.1 declares 1.0.0 compatible), the current version refuses them with a message naming
// the version they need, and prose edits leave the scenario hash alone while a change to a number
// does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRecord, hashStateV1, parseRecord, replay, type Scenario } from '../../../src/sim';
import { loadScenario } from '../../../src/sim/scenario/load';
import { scenarioText, ukraine } from '../../support/scenario';
import { shipped } from '../support/shipped';

const sc = ukraine();
const FIXTURES = join(import.meta.dirname, '../../fixtures/records');
const archived = (file: string) => {
  const loaded = loadScenario(
    readFileSync(join(import.meta.dirname, '../../../scenarios/archive', file), 'utf8'),
  );
  if (!loaded.ok) throw new Error(`the archived ${file} does not load`);
  return loaded.value;
};

/** Each version games were played with, and the archived file that replays them. */
const VERSIONS = [
  { id: 'ukraine-2021', played: '1.0.0', file: 'ukraine-2021-1.0.1.json' },
  { id: 'ukraine-2021', played: '1.1.0', file: 'ukraine-2021-1.1.0.json' },
  { id: 'cuba-1962', played: '1.0.0', file: 'cuba-1962-1.0.0.json' },
];

describe.each(VERSIONS)('games of $id played with version $played', ({ id, played, file }) => {
  const sc = shipped(id);
  const earlier = archived(file);
  const records = JSON.parse(
    readFileSync(join(FIXTURES, `${id}-${played}.json`), 'utf8'),
  ) as unknown[];
  const links = readFileSync(join(FIXTURES, `${id}-${played}.links.txt`), 'utf8')
    .trim()
    .split('\n');
  const version = new RegExp(`version ${played.replaceAll('.', '\\.')}`);

  it(`the archive's ${file} replays them`, () => {
    expect([
      earlier.scenario.version,
      ...(earlier.scenario.compatibleWith ?? []).map((c) => c.version),
    ]).toContain(played);
  });

  it('the current version refuses them, naming the version they were played with', () => {
    const parsed = parseRecord(records[0]);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const replayed = replay(sc, parsed.value);
    expect(replayed.ok).toBe(false);
    if (!replayed.ok) expect(replayed.errors[0]!.message).toMatch(version);
    const decoded = decodeRecord(sc, links[0]!);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.errors[0]!.message).toMatch(version);
  });

  it.each(records.map((r, i) => [i, r] as const))(
    'record %i replays to its final hash',
    (_i, raw) => {
      const parsed = parseRecord(raw);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value.scenario.version).toBe(played);
      const replayed = replay(earlier, parsed.value);
      // Made before 30 November 2026: the hash they carry is the first definition's.
      expect(replayed.ok && replayed.value.claim).toBe('matchesEarlier');
      expect(replayed.ok && hashStateV1(replayed.value.state)).toBe(parsed.value.finalHash);
    },
  );

  it.each(links.map((l, i) => [i, l] as const))(
    'share link %i replays to its final hash',
    (_i, link) => {
      const decoded = decodeRecord(earlier, link);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      const replayed = replay(earlier, decoded.value);
      // Made before 30 November 2026: the hash they carry is the first definition's.
      expect(replayed.ok && replayed.value.claim).toBe('matchesEarlier');
      expect(replayed.ok && hashStateV1(replayed.value.state)).toBe(decoded.value.finalHash);
    },
  );
});

describe('the scenario hash', () => {
  const text = scenarioText();
  const hashOf = (edit: (data: Scenario) => void) => {
    const data = JSON.parse(text);
    edit(data);
    const loaded = loadScenario(data);
    if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
    return loaded.value.hash;
  };

  it('ignores prose: briefings, the glossary, descriptions, headlines, sources, the model card', () => {
    const edits: ((d: Scenario) => void)[] = [
      (d) => (d.briefing[0]!.paragraphs[0]!.text += ' (typo fixed)'),
      (d) => (d.glossary[0]!.definition = 'A clearer definition.'),
      (d) => (d.actions[0]!.description = 'Reworded.'),
      (d) => (d.events[0]!.headline = 'Another headline'),
      (d) => (d.modelCard[0]!.explanation = 'Explained better.'),
      (d) => (d.roles[0]!.briefing = 'A longer role brief.'),
      (d) => (d.whatHappened[0]!.text = 'Said more exactly.'),
    ];
    for (const edit of edits) expect(hashOf(edit)).toBe(sc.hash);
  });

  it('changes with anything that changes a game', () => {
    expect(hashOf((d) => (d.actions[0]!.cost += 1))).not.toBe(sc.hash);
    expect(hashOf((d) => (d.variables[0]!.initial += 1))).not.toBe(sc.hash);
    expect(hashOf((d) => (d.variables[0]!.name = 'Renamed'))).not.toBe(sc.hash);
  });
});
