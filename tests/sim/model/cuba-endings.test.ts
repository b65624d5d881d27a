// Cuba 1962's endings at the deadline say what happened: "a lasting quarantine stand-off" only in
// games where the quarantine is in force, "no settlement by 28 October" in the others (1.0.0 told
// every game without war or settlement a quarantine stand-off, even with no quarantine imposed).
import { describe, expect, it } from 'vitest';
import { gameSeed, playGame } from '../../../src/sim/batch';
import { shipped } from '../support/shipped';

const sc = shipped('cuba-1962');
const QUARANTINE = 'quarantineImposed';

describe('cuba-1962: the endings at the deadline', () => {
  it('are a quarantine stand-off only with the quarantine in force, and no settlement without it', () => {
    const seen = new Map<string, number[]>();
    for (const bot of ['dove', 'deterrence-first', 'sanctions-first', 'hawk', 'random'] as const) {
      for (let i = 0; i < 60; i++) {
        const { state } = playGame(sc, gameSeed(`cuba-endings/${bot}`, i), { us: bot });
        const ending = state.ending?.id;
        if (ending === 'quarantineStandoff' || ending === 'noSettlement') {
          seen.set(ending, [...(seen.get(ending) ?? []), state.vars[QUARANTINE]!]);
        }
      }
    }
    // Both come up in these games, and each only where it belongs.
    expect([...seen.keys()].sort()).toEqual(['noSettlement', 'quarantineStandoff']);
    expect(Math.min(...seen.get('quarantineStandoff')!)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...seen.get('noSettlement')!)).toBe(0);
  });
});
