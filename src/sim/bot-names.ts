// The names of the scripted players, apart from the players themselves (bots.ts), so that data
// which names a bot (a scenario's calibration lines) can be checked without loading the AI.

export const BOTS = [
  'ai',
  'dove',
  'hawk',
  'sanctions-first',
  'deterrence-first',
  'random',
  'greedy',
  'historical',
] as const;
export type BotName = (typeof BOTS)[number];

export function isBotName(name: string): name is BotName {
  return (BOTS as readonly string[]).includes(name);
}
