// The computer's logged reasons explain its choices: the seeded random term ("other
// considerations") breaks near-ties but is the largest reason for few of them (issue 7: at most
// 20% of choices over 1,000 games).
import { describe, expect, it } from 'vitest';
import { gameSeed, playGame, NOISE_TERM, type Policies } from '../../../src/sim';
import { ukraine } from '../../support/scenario';

const sc = ukraine();
const GAMES = 1000;

describe("the computer's reasons", () => {
  it('the random term is the largest reason in at most 20% of its choices', () => {
    let choices = 0;
    let randomFirst = 0;
    for (let i = 0; i < GAMES; i++) {
      // Half the games with the real Western line, half with every role the computer's.
      const policies: Policies =
        i % 2 === 0 ? { us: 'historical', eu: 'historical', ukraine: 'historical' } : {};
      const { state } = playGame(sc, gameSeed('reasons', i), policies);
      for (const report of state.reports) {
        for (const decision of report.ai) {
          for (const option of decision.considered) {
            if (!decision.chosen.includes(option.action)) continue;
            choices++;
            const largest = option.terms.reduce((a, b) =>
              Math.abs(b.value) > Math.abs(a.value) ? b : a,
            );
            if (largest.term === NOISE_TERM) randomFirst++;
          }
        }
      }
    }
    expect(choices).toBeGreaterThan(GAMES * 10);
    expect(randomFirst / choices).toBeLessThanOrEqual(0.2);
  });
});
