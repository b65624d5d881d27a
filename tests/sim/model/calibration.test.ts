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

  it('the real Western line meets every target over 2,000 games', () => {
    const report = calibrate(sc, calibration, [baseline], 'brink', RUNS);
    const targets = report.lines[0]!.targets!;
    expect(targets.length).toBe(4);
    for (const target of targets)
      expect(target, JSON.stringify(target)).toMatchObject({ met: true });
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
