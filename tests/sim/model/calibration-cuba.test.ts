// Cuba 1962 as a calibration target (issue 8, item 4), measured the way `brink calibrate` measures
// it, over its default 2,000 seeds: the real American and Cuban line ends most often in a
// withdrawal for a pledge and a secret promise, war stays possible (2–20%, with the missiles still
// in place at the deadline in 10–35%), every other line moves the odds the way the literature
// expects (an early air strike raises war and nuclear use), and the model card publishes the
// figures measured.
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../src/sim';
import { SHIPPED_IDS, shipped } from '../support/shipped';

const sc = shipped('cuba-1962');
const RUNS = 2000;
const calibration = sc.scenario.calibration!;
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The scenarios whose calibration has a test file of its own; a new one must add it. */
const TESTED = ['ukraine-2021', 'cuba-1962'];

describe('Cuba 1962: calibration against history', () => {
  let report: ReturnType<typeof calibrate> | undefined;
  /** Every line over 2,000 games, measured once for the tests that read it. */
  const all = () => (report ??= calibrate(sc, calibration, calibration.lines, 'brink', RUNS));
  const measured = (id: string) => all().lines.find((l) => l.line === id)!;
  const share = (lineId: string, ending: string) =>
    measured(lineId).endings.find((e) => e.id === ending)!.share;

  it('every shipped scenario with a calibration block has a calibration test', () => {
    const calibrated = SHIPPED_IDS.filter((id) => shipped(id).scenario.calibration);
    expect(calibrated.filter((id) => !TESTED.includes(id))).toEqual([]);
  });

  it('the real line meets every target, a negotiated withdrawal first and war possible', () => {
    const real = measured(calibration.baseline);
    const targets = real.targets!;
    expect(targets.map((t) => t.kind)).toContain('anyWar');
    for (const target of targets)
      expect(target, JSON.stringify(target)).toMatchObject({ met: true });
    expect(real.anyWar.share).toBeGreaterThan(0);
  });

  it.each(calibration.lines.filter((l) => l.expected).map((l) => l.id))(
    'the %s line moves the odds the way the literature expects',
    (id) => {
      const shifts = measured(id).shifts!;
      expect(shifts.length).toBeGreaterThan(0);
      for (const shift of shifts)
        expect(shift, JSON.stringify(shift)).toMatchObject({ verdict: 'expected' });
    },
  );

  it('an early air strike raises the risk of war', () => {
    expect(measured('earlyAirStrike').anyWar.share).toBeGreaterThan(
      measured(calibration.baseline).anyWar.share,
    );
  });

  it('the model card publishes the figures measured, with the date and version', () => {
    const card = sc.scenario.modelCard.find((m) => m.subject === 'Calibration against history');
    const text = card!.explanation;
    const real = calibration.baseline;
    expect(text).toMatch(/^Measured on \d{1,2} \w+ 20\d\d for version /);
    expect(text).toContain(`version ${sc.scenario.version}`);
    expect(text).toContain(
      `a pledge and a secret promise end ${percent(share(real, 'secretTrade'))} of games`,
    );
    expect(text).toContain(`the missiles stay in ${percent(share(real, 'missilesOperational'))}`);
    expect(text).toContain(`any war ${percent(measured(real).anyWar.share)}`);
    expect(text).toContain(
      `War and those games together come to ${percent(measured(real).anyWar.share + share(real, 'missilesOperational'))}`,
    );
    expect(text).toContain(`with nuclear use in ${percent(share('earlyAirStrike', 'nuclearUse'))}`);
    expect(text).toContain(
      `a pledge-only withdrawal takes ${percent(share('pledgeWithoutJupiters', 'pledgeOnly'))}`,
    );
    expect(text).toContain(`a public trade takes ${percent(share('publicTrade', 'publicTrade'))}`);
    expect(text).toContain(
      `talks without the quarantine leave the missiles in ${percent(share('talksOnly', 'missilesOperational'))}`,
    );
  });
});
