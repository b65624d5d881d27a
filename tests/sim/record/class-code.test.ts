import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classDifferences,
  describeClassDifference,
  describeClassDifferenceIn,
  describeSetting,
  formatClassCode,
  parseClassCode,
  startSession,
  finishedRecord,
  type ClassCode,
} from '../../../src/sim';
import { ukraine } from '../../support/scenario';

const sc = ukraine();
const code = (over: Partial<ClassCode> = {}): ClassCode => ({
  scenario: 'ukraine-2021',
  version: sc.scenario.version,
  seed: 'geneva-4821',
  minutes: 5,
  roles: ['us'],
  whatIf: {},
  ...over,
});

describe('class codes', () => {
  it('round-trip any seed, colons, spaces and percent signs included', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.integer({ min: 0, max: 60 }),
        (seed, minutes) => {
          const parsed = parseClassCode(formatClassCode(code({ seed, minutes })));
          expect(parsed.ok && parsed.value).toEqual(code({ seed, minutes }));
        },
      ),
      { numRuns: 300 },
    );
    const parsed = parseClassCode(formatClassCode(code({ seed: 'ukraine-2021:round:2:5' })));
    expect(parsed.ok && parsed.value.seed).toBe('ukraine-2021:round:2:5');
  });

  it('still read the first codes (scenario:seed:minutes)', () => {
    const parsed = parseClassCode(' ukraine-2021:geneva-4821:5 ');
    expect(parsed.ok && parsed.value).toEqual(code({ version: null, roles: null }));
  });

  it.each([
    ['ukraine-2021@1.0.0:s:1e1', /minutes .*"1e1"/],
    ['ukraine-2021@1.0.0:s:0x10', /minutes .*"0x10"/],
    ['ukraine-2021@1.0.0:s:', /minutes .*""/],
    ['ukraine-2021@1.0.0:s:61', /from 0 to 60/],
    ['ukraine-2021:s:-1', /minutes/],
    ['ukraine-2021:a:b:5', /three parts/],
    ['ukraine-2021@latest:s:5', /version .* should look like 1.0.0/],
    ['ukraine-2021@1.0.0:%E0%A4%A:5', /garbled/],
    ['ukraine-2021@1.0.0::5', /seed .* missing/],
    [`ukraine-2021@1.0.0:${'x'.repeat(65)}:5`, /seed .* too long/],
    ['ukraine-2021@1.0.0:s:5:us+<b>', /roles/],
    ['ukraine-2021@1.0.0:s:5:us:resolve=<b>', /what-if switches .* switch=option/],
    ['ukraine-2021@1.0.0:s:5:us:resolve=a=b', /what-if switches/],
    ['ukraine-2021:s:5:resolve=x', /three parts/],
    ['', /empty/],
    ['x'.repeat(10_000), /too long to be a class code/],
  ])('refuse %j with a message naming the part', (text, message) => {
    const parsed = parseClassCode(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]!.message).toMatch(message);
  });

  it('name every way a record differs from the class set-up', () => {
    const record = finishedRecord(startSession(sc, 'geneva-4821', ['us'], 5));
    expect(classDifferences(record, code())).toEqual([]);
    const other = finishedRecord(startSession(sc, 'my-own-seed', ['us', 'eu']));
    const found = classDifferences(other, code());
    expect(found.map((d) => d.field)).toEqual(['seed', 'roles', 'clock']);
    expect(found.map(describeClassDifference)).toEqual([
      'seed "my-own-seed" (the class\'s is "geneva-4821")',
      "roles played us+eu (the class's is us)",
      "turn clock none recorded (the class's is 5 min a turn)",
    ]);
    expect(
      classDifferences(
        other,
        code({ version: '2.0.0', roles: null, seed: 'my-own-seed', minutes: 0 }),
      ),
    ).toEqual([{ field: 'version', expected: '2.0.0', found: sc.scenario.version }]);
  });

  it('carry what-if switches, with or without roles, and flag a game played under others', () => {
    const switched = code({ whatIf: { resolve: 'setOnWar', dealThreshold: 'thin' } });
    const text = formatClassCode(switched);
    expect(text).toBe(
      `ukraine-2021@${sc.scenario.version}:geneva-4821:5:us:resolve=setOnWar+dealThreshold=thin`,
    );
    expect(parseClassCode(text)).toMatchObject({ ok: true, value: switched });
    const open = code({ roles: null, whatIf: { resolve: 'coercion' } });
    expect(parseClassCode(formatClassCode(open))).toMatchObject({ ok: true, value: open });

    const asBuilt = finishedRecord(startSession(sc, 'geneva-4821', ['us'], 5));
    const found = classDifferences(asBuilt, switched);
    expect(found.map((d) => d.field)).toEqual(['whatIf']);
    expect(describeClassDifference(found[0]!)).toBe(
      "what-if switches as modelled (the class's is dealThreshold=thin+resolve=setOnWar)",
    );
    const played = { ...asBuilt, whatIf: { dealThreshold: 'thin', resolve: 'setOnWar' } };
    expect(classDifferences(played, switched)).toEqual([]);
    // A code that spells out an option as modelled asks for nothing, read with the scenario.
    const spelled = code({ whatIf: { resolve: 'modelled' } });
    expect(classDifferences(asBuilt, spelled, sc.scenario)).toEqual([]);
    expect(classDifferences(asBuilt, spelled).map((d) => d.field)).toEqual(['whatIf']);
  });

  it('word a what-if difference by the scenario’s names, and any other as before', () => {
    const record = {
      ...finishedRecord(startSession(sc, 'my-own-seed', ['us'], 5)),
      whatIf: { quickWin: 'sober' },
    };
    const found = classDifferences(record, code({ whatIf: { resolve: 'setOnWar' } }));
    expect(found.map((d) => describeClassDifferenceIn(sc.scenario, d))).toEqual([
      'seed "my-own-seed" (the class\'s is "geneva-4821")',
      "what-if setting The Kremlin's belief in a quick win: Sober intelligence (10–45) (the class's is Russia's resolve: Set on war (60–95))",
    ]);
    expect(describeSetting(sc.scenario, {})).toBe('as modelled');
    expect(describeSetting(sc.scenario, { resolve: 'modelled' })).toBe('as modelled');
    expect(describeSetting(sc.scenario, { resolve: 'stubborn', nerve: 'low' })).toBe(
      'resolve=stubborn; nerve=low',
    );
  });
});
