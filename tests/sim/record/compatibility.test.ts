// Games played before a scenario changed still open: records and links of every version the
// shipped scenario declares compatible replay to the final hash they carry, and prose edits leave
// the scenario hash alone while a change to a number does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRecord, parseRecord, replay } from '../../../src/sim';
import { loadScenario } from '../../../src/sim/scenario/load';
import { ukraine } from '../../support/scenario';

const sc = ukraine();
const FIXTURES = join(import.meta.dirname, '../../fixtures/records');

describe('games from earlier versions of the scenario', () => {
  const records = JSON.parse(
    readFileSync(join(FIXTURES, 'ukraine-2021-1.0.0.json'), 'utf8'),
  ) as unknown[];
  const links = readFileSync(join(FIXTURES, 'ukraine-2021-1.0.0.links.txt'), 'utf8')
    .trim()
    .split('\n');

  it('the shipped scenario declares version 1.0.0 compatible', () => {
    expect(sc.scenario.compatibleWith?.map((c) => c.version)).toContain('1.0.0');
  });

  it.each(records.map((r, i) => [i, r] as const))(
    'record %i of version 1.0.0 replays to its final hash',
    (_i, raw) => {
      const parsed = parseRecord(raw);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value.scenario.version).toBe('1.0.0');
      const replayed = replay(sc, parsed.value);
      expect(replayed.ok && replayed.value.hash).toBe(parsed.value.finalHash);
    },
  );

  it.each(links.map((l, i) => [i, l] as const))(
    'share link %i of version 1.0.0 replays to its final hash',
    (_i, link) => {
      const decoded = decodeRecord(sc, link);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      const replayed = replay(sc, decoded.value);
      expect(replayed.ok && replayed.value.hash).toBe(decoded.value.finalHash);
    },
  );
});

describe('the scenario hash', () => {
  const text = readFileSync(
    join(import.meta.dirname, '../../../scenarios/ukraine-2021.json'),
    'utf8',
  );
  const hashOf = (edit: (data: Record<string, any>) => void) => {
    const data = JSON.parse(text);
    edit(data);
    const loaded = loadScenario(data);
    if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
    return loaded.value.hash;
  };

  it('ignores prose: briefings, the glossary, descriptions, headlines, sources, the model card', () => {
    const edits: ((d: Record<string, any>) => void)[] = [
      (d) => (d.briefing[0].paragraphs[0].text += ' (typo fixed)'),
      (d) => (d.glossary[0].definition = 'A clearer definition.'),
      (d) => (d.actions[0].description = 'Reworded.'),
      (d) => (d.events[0].headline = 'Another headline'),
      (d) => (d.modelCard[0].explanation = 'Explained better.'),
      (d) => (d.roles[0].briefing = 'A longer role brief.'),
      (d) => (d.whatHappened[0].text = 'Said more exactly.'),
    ];
    for (const edit of edits) expect(hashOf(edit)).toBe(sc.hash);
  });

  it('changes with anything that changes a game', () => {
    expect(hashOf((d) => (d.actions[0].cost += 1))).not.toBe(sc.hash);
    expect(hashOf((d) => (d.variables[0].initial += 1))).not.toBe(sc.hash);
    expect(hashOf((d) => (d.variables[0].name = 'Renamed'))).not.toBe(sc.hash);
  });
});
