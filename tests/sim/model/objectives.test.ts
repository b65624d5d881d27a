// Objectives that mean something (issue 7, item 5): a standoff reached by the real Western
// policy is at least a partial success for the United States and the European Union.
import { describe, expect, it } from 'vitest';
import { gameSeed, playGame, selectScores, verdictOf } from '../../../src/sim';
import { ukraine } from '../../support/scenario';

const sc = ukraine();

describe('objectives', () => {
  it('a standoff under the real Western line counts as at least partly met for the US and the EU', () => {
    let standoffs = 0;
    for (let i = 0; i < 1000; i++) {
      const { state } = playGame(sc, gameSeed('objectives', i), {
        us: 'historical',
        eu: 'historical',
        ukraine: 'historical',
      });
      if (state.ending?.id !== 'managedStandoff') continue;
      standoffs++;
      for (const score of selectScores(sc, state).filter(
        (s) => s.role === 'us' || s.role === 'eu',
      )) {
        expect(verdictOf(score), `${score.name}, seed objectives#${i}`).not.toBe('not met');
      }
    }
    expect(standoffs).toBeGreaterThan(100);
  });

  it('a full invasion is not even a partial success for the West', () => {
    const { state } = playGame(sc, gameSeed('objectives', 0), { russia: 'hawk' });
    const war = state.ending?.id === 'fullInvasion' || state.ending?.id === 'limitedIncursion';
    expect(war).toBe(true);
    for (const score of selectScores(sc, state).filter((s) => s.role === 'us' || s.role === 'eu')) {
      expect(score.partial).toBe(false);
    }
  });
});
