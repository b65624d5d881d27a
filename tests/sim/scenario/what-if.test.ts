// What-if switches: a teacher's choice of assumption changes the game's numbers, travels in the
// state, the record and the share link so a replay is exact, and anything wrong with a choice or a
// switch is refused with a message naming the field.
import { describe, expect, it } from 'vitest';
import {
  decodeRecord,
  describeChoice,
  encodeRecord,
  hashState,
  parseRecord,
  playGame,
  recordOf,
  replay,
  whatIfVariant,
  type CompiledScenario,
  type GameRecord,
  type Scenario,
} from '../../../src/sim';
import { validateScenario } from '../../../src/sim/scenario/validate';
import { scenarioData, ukraine } from '../../support/scenario';

const sc = ukraine();
const variant = (choice: Record<string, string>): CompiledScenario => {
  const built = whatIfVariant(sc, choice);
  if (!built.ok) throw new Error(built.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return built.value;
};
const WEST = { us: 'historical', eu: 'historical', ukraine: 'historical' } as const;

describe('the shipped switches', () => {
  it('the Ukraine scenario offers switches for resolve, sanctions and the deal threshold', () => {
    expect(sc.scenario.whatIfs?.map((w) => w.id)).toEqual(
      expect.arrayContaining(['resolve', 'sanctionsBite', 'dealThreshold']),
    );
  });

  it.each((sc.scenario.whatIfs ?? []).flatMap((w) => w.options.slice(1).map((o) => [w.id, o.id])))(
    '%s = %s builds a valid scenario that sets its numbers',
    (id, option) => {
      const v = variant({ [id]: option });
      expect(v.whatIf).toEqual({ [id]: option });
      expect(v.hash).toBe(sc.hash);
      const set = sc.scenario
        .whatIfs!.find((w) => w.id === id)!
        .options.find((o) => o.id === option)!.set;
      expect(JSON.stringify(v.scenario)).not.toBe(JSON.stringify(sc.scenario));
      expect(Object.keys(set).length).toBeGreaterThan(0);
    },
  );

  it('the first option is the model as built: the same compiled scenario', () => {
    expect(variant({ resolve: 'modelled' })).toBe(sc);
    expect(variant({})).toBe(sc);
    expect(describeChoice(sc.scenario, { resolve: 'setOnWar' })).toEqual([
      "Russia's resolve: Set on war (60–95)",
    ]);
  });
});

describe('a game under a switch', () => {
  const hard = variant({ resolve: 'setOnWar' });

  it('draws hidden intent from the switched range and names the switch in its state', () => {
    for (let i = 0; i < 30; i++) {
      const { state } = playGame(hard, `hard-${i}`, WEST);
      expect(state.hidden.resolve).toBeGreaterThanOrEqual(60);
      expect(state.hidden.resolve).toBeLessThanOrEqual(95);
      expect(state.whatIf).toEqual({ resolve: 'setOnWar' });
    }
  });

  it('a game of the model as built has no switch in its state, so its hash is what it was', () => {
    const { state } = playGame(sc, 'plain', WEST);
    expect('whatIf' in state).toBe(false);
  });

  it('moves the odds the way it says: a Kremlin set on war fights more than one using coercion', () => {
    const soft = variant({ resolve: 'coercion' });
    const wars = (v: CompiledScenario) => {
      let n = 0;
      for (let i = 0; i < 200; i++) {
        const { state } = playGame(v, `odds-${i}`, WEST);
        if (['fullInvasion', 'limitedIncursion'].includes(state.ending?.id ?? '')) n++;
      }
      return n;
    };
    expect(wars(hard)).toBeGreaterThan(wars(soft) + 40);
  });

  it('its record and share link carry the switch and replay to the same hash', () => {
    const played = playGame(hard, 'record-me', WEST);
    const hash = hashState(played.state);
    const record = recordOf(hard, played, hash);
    expect(record.whatIf).toEqual({ resolve: 'setOnWar' });
    // Replayed against the scenario as built: the record says which variant to build.
    const replayed = replay(sc, record);
    expect(replayed.ok && replayed.value.hash).toBe(hash);
    const link = encodeRecord(sc, record);
    const decoded = decodeRecord(sc, link);
    expect(decoded.ok && decoded.value.whatIf).toEqual({ resolve: 'setOnWar' });
    if (decoded.ok) expect(replay(sc, decoded.value)).toMatchObject({ ok: true, value: { hash } });
    // The same orders without the switch are another game.
    const { whatIf: _w, finalHash: _h, ...plain } = record;
    const asBuilt = replay(sc, plain);
    expect(asBuilt.ok && asBuilt.value.hash).not.toBe(hash);
  });

  it('records of the model as built carry no switch', () => {
    const played = playGame(sc, 'as-built', WEST);
    expect('whatIf' in recordOf(sc, played)).toBe(false);
  });
});

describe('bad choices are refused with the field named', () => {
  const played = playGame(sc, 'bad-choice', WEST);
  const record = recordOf(sc, played, hashState(played.state));
  const withChoice = (whatIf: unknown) => ({ ...record, whatIf }) as unknown as GameRecord;

  it('an unknown switch or option, in a record', () => {
    const noSwitch = replay(sc, withChoice({ nukes: 'yes' }));
    expect(noSwitch.ok).toBe(false);
    if (!noSwitch.ok) {
      expect(noSwitch.errors[0]!.path).toBe('whatIf.nukes');
      expect(noSwitch.errors[0]!.message).toMatch(/not a what-if switch.*resolve/);
    }
    const noOption = replay(sc, withChoice({ resolve: 'maximal' }));
    expect(noOption.ok).toBe(false);
    if (!noOption.ok) {
      expect(noOption.errors[0]!.path).toBe('whatIf.resolve');
      expect(noOption.errors[0]!.message).toMatch(/"maximal" is not an option.*setOnWar/);
    }
  });

  it('a switch field of the wrong shape, in a record file', () => {
    for (const bad of ['resolve', ['resolve'], { resolve: 7 }, { resolve: 'x'.repeat(500) }]) {
      const parsed = parseRecord(withChoice(bad));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0]!.path).toMatch(/^whatIf/);
    }
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`s${i}`, 'x']));
    const parsed = parseRecord(withChoice(many));
    expect(!parsed.ok && parsed.errors[0]!.message).toMatch(/at most 16/);
  });

  it('an unknown option in a share link', () => {
    const link = encodeRecord(sc, withChoice({ dealThreshold: 'never' }));
    const decoded = decodeRecord(sc, link);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const replayed = replay(sc, decoded.value);
    expect(!replayed.ok && replayed.errors[0]!.path).toBe('whatIf.dealThreshold');
  });
});

describe('the validator checks the switches', () => {
  const base = () => scenarioData();
  const faultsOf = (edit: (s: Scenario) => void) => {
    const data = base();
    edit(data);
    const result = validateScenario(data);
    return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
  };

  it('accepts the shipped switches', () => {
    expect(faultsOf(() => {})).toEqual([]);
  });

  it('a path that leads nowhere, with how to write one', () => {
    expect(
      faultsOf((s) => (s.whatIfs![0]!.options[1]!.set = { 'rules/noSuchRule/value': 3 })),
    ).toEqual([
      expect.stringMatching(
        /^whatIfs\[0\]\.options\[1\]\.set\["rules\/noSuchRule\/value"\]: .*does not lead to a number/,
      ),
    ]);
  });

  it('a path to text, a fraction for a whole number, a first option that sets, an option that sets nothing', () => {
    expect(faultsOf((s) => (s.whatIfs![0]!.options[1]!.set = { 'roles/us/name': 3 }))).toEqual([
      expect.stringMatching(/does not lead to a number/),
    ]);
    expect(
      faultsOf((s) => (s.whatIfs![0]!.options[1]!.set = { 'hiddenIntent/resolve/min': 60.5 })),
    ).toEqual([expect.stringMatching(/must be a whole number/)]);
    expect(
      faultsOf((s) => (s.whatIfs![0]!.options[0]!.set = { 'hiddenIntent/resolve/min': 60 })),
    ).toEqual([expect.stringMatching(/options\[0\]\.set: the first option is the model as built/)]);
    expect(faultsOf((s) => (s.whatIfs![0]!.options[1]!.set = {}))).toEqual([
      expect.stringMatching(/options\[1\]\.set: must set at least one number/),
    ]);
  });

  it('two switches with one id', () => {
    expect(faultsOf((s) => (s.whatIfs![1]!.id = s.whatIfs![0]!.id))).toEqual([
      expect.stringMatching(/^whatIfs\[1\]\.id: .*names two switches/),
    ]);
  });

  it('a variant whose numbers break the scenario is refused when built, with the validator’s path', () => {
    const data = base();
    data.whatIfs![0]!.options[1]!.set = { 'rules/threatPerTier/value': 5000 };
    const loaded = validateScenario(data);
    expect(loaded.ok).toBe(true);
    const broken = { ...sc, scenario: data };
    const built = whatIfVariant(broken, {
      [data.whatIfs![0]!.id]: data.whatIfs![0]!.options[1]!.id,
    });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.errors[0]!.path).toMatch(/rules\.threatPerTier\.value/);
  });
});

describe('the model card describes the switches as the data sets them', () => {
  const entry = sc.scenario.modelCard.find((m) => m.subject === 'What-if switches')!;

  it('has an entry that quotes each hidden-intent range an option sets, and the modelled one', () => {
    expect(entry).toBeDefined();
    for (const w of sc.scenario.whatIfs ?? []) {
      for (const option of w.options) {
        const min = Object.entries(option.set).find(([p]) => p.endsWith('/min'));
        const max = Object.entries(option.set).find(([p]) => p.endsWith('/max'));
        if (min && max) expect(entry.explanation).toContain(`${min[1]}–${max[1]}`);
      }
    }
    for (const spec of sc.scenario.hiddenIntent.filter((h) => h.id !== 'costTolerance'))
      expect(entry.explanation).toContain(`${spec.min}–${spec.max}`);
  });

  it('quotes the deal threshold as built and under each option', () => {
    const deal = sc.scenario.whatIfs!.find((w) => w.id === 'dealThreshold')!;
    const values = deal.options.flatMap((o) => Object.values(o.set));
    for (const v of values) expect(entry.explanation).toContain(String(v));
    const built = sc.scenario.endings.find((e) => e.id === 'negotiatedDeEscalation')!;
    expect(JSON.stringify(built.when)).toContain('"gte":70');
    expect(entry.explanation).toContain('(70;');
  });
});
