// Balance checks: each playable role played by each scripted bot, the others by the AI, over
// many seeds. No fixed strategy should meet a role's objectives in most games, and every ending
// should be reachable (DESIGN §3, "Balance").
import { BOTS, type BotName } from './bots';
import { gameSeed, playGame, summarize } from './batch';
import type { CompiledScenario } from './scenario/compile';

export const FIXED_BOTS = BOTS.filter((b): b is Exclude<BotName, 'ai'> => b !== 'ai');

export interface BalanceCell {
  role: string;
  bot: BotName;
  games: number;
  victories: number;
  meanScore: number;
  endings: Record<string, number>;
}

export function balanceCell(
  sc: CompiledScenario,
  role: string,
  bot: BotName,
  games: number,
  baseSeed: string,
): BalanceCell {
  const endings: Record<string, number> = {};
  let victories = 0;
  let scoreSum = 0;
  for (let i = 0; i < games; i++) {
    const { state } = playGame(sc, gameSeed(`${baseSeed}/${role}/${bot}`, i), { [role]: bot });
    const summary = summarize(sc, state);
    endings[summary.ending] = (endings[summary.ending] ?? 0) + 1;
    if (summary.victories[role]) victories++;
    scoreSum += summary.scores[role] ?? 0;
  }
  return {
    role,
    bot,
    games,
    victories,
    meanScore: Math.trunc(scoreSum / Math.max(1, games)),
    endings,
  };
}

export function balanceMatrix(
  sc: CompiledScenario,
  games: number,
  baseSeed: string,
): BalanceCell[] {
  const cells: BalanceCell[] = [];
  for (const role of sc.scenario.roles) {
    if (!role.playable) continue;
    for (const bot of BOTS) cells.push(balanceCell(sc, role.id, bot, games, baseSeed));
  }
  return cells;
}
