import { it } from 'vitest';
import { BALANCE_SEEDS, expectNoFixedBotWinsMost } from './check';

it(`cuba-1962: no fixed bot playing us meets its objectives in most of ${BALANCE_SEEDS} games, and one meets them in at least a quarter`, () => {
  expectNoFixedBotWinsMost('us', 'cuba-1962');
});
