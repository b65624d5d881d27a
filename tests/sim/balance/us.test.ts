import { it } from 'vitest';
import { BALANCE_SEEDS, expectNoFixedBotWinsMost } from './check';

it(`no fixed bot playing us meets its objectives in most of ${BALANCE_SEEDS} games, and one meets them in at least a quarter`, () => {
  expectNoFixedBotWinsMost('us');
});
