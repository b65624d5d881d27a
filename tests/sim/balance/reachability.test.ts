import { expect, it } from 'vitest';
import { FIXED_BOTS } from '../../../src/sim/balance';
import { gameSeed, playGame, type Policies } from '../../../src/sim';
import { ukraine } from '../../support/scenario';

it('every ending is reached by some bot', () => {
  const sc = ukraine();
  const reachedBy = new Map<string, string>();
  const configs: [string, Policies][] = [];
  for (const bot of FIXED_BOTS) {
    configs.push([`the whole West ${bot}`, { us: bot, eu: bot, ukraine: bot }]);
    configs.push([`Russia ${bot}`, { russia: bot }]);
  }
  for (const [name, policies] of configs) {
    for (let i = 0; i < 150; i++) {
      const ending = playGame(sc, gameSeed(`reach/${name}`, i), policies).state.ending!.id;
      if (!reachedBy.has(ending)) reachedBy.set(ending, name);
    }
  }
  const missing = sc.scenario.endings.map((e) => e.id).filter((id) => !reachedBy.has(id));
  expect(missing, `reached: ${JSON.stringify(Object.fromEntries(reachedBy))}`).toEqual([]);
});
