// History as a calibration target (issue 7, item 4), measured the way `brink calibrate` measures
// it, over its default 2,000 seeds: the real Western line makes a full invasion the most likely
// single ending (50–85% of games), its median week within two turns of 24 February 2022, and
// recognition of the breakaway regions coming first in most war games; the alternatives whose
// shift is clear move the way the literature expects.
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../src/sim';
import { ukraine } from '../../support/scenario';

const sc = ukraine();
const RUNS = 2000;
const calibration = sc.scenario.calibration!;
const line = (id: string) => calibration.lines.find((l) => l.id === id)!;

describe('calibration against history', () => {
  const baseline = line(calibration.baseline);
  let measured: ReturnType<typeof calibrate>['lines'][number] | undefined;
  /** The real line over 2,000 games, measured once for the tests that read it. */
  const real = () => (measured ??= calibrate(sc, calibration, [baseline], 'brink', RUNS).lines[0]!);

  it('the real Western line meets every target over 2,000 games', () => {
    const targets = real().targets!;
    expect(targets.length).toBe(4);
    for (const target of targets)
      expect(target, JSON.stringify(target)).toMatchObject({ met: true });
  });

  it('the model card publishes the figures measured', () => {
    const measured = real();
    const card = sc.scenario.modelCard.find((m) => m.subject === 'Calibration against history');
    expect(card).toBeDefined();
    const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
    const full = measured.endings.find((e) => e.id === calibration.invasionEnding)!;
    expect(card!.explanation).toContain(
      `a full-scale invasion ends ${percent(full.share)} of games`,
    );
    expect(card!.explanation).toContain(
      `the median full invasion comes in turn ${measured.timedEnding.medianTurn}`,
    );
    expect(card!.explanation).toContain(
      `recognition of the breakaway regions comes first in ${percent(measured.recognitionFirst.share!)} of war games`,
    );
    expect(card!.explanation).toContain(`version ${sc.scenario.version}`);
  });

  it.each(['earlyDeterrence', 'talksOnly'])(
    'the %s line moves the odds the way the literature expects',
    (id) => {
      const report = calibrate(sc, calibration, [baseline, line(id)], 'brink', RUNS);
      const shifts = report.lines[1]!.shifts!;
      expect(shifts.length).toBeGreaterThan(0);
      for (const shift of shifts)
        expect(shift, JSON.stringify(shift)).toMatchObject({ verdict: 'expected' });
    },
  );
});
