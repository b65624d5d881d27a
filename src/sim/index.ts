// The public face of the core, for the game, the command line and the tests.
export * from './state';
export * from './scenario/types';
export type { CompiledScenario } from './scenario/compile';
export { compileScenario } from './scenario/compile';
export {
  AS_MODELLED,
  AS_MODELLED_WORDS,
  chosenOption,
  describeChoice,
  describeSetting,
  isAsModelled,
  normaliseChoice,
  whatIfVariant,
} from './scenario/what-if';
export {
  createEngine,
  createGame,
  reduce,
  reducePlain,
  thaw,
  type Engine,
  type NewGameOptions,
} from './engine';
export { chooseOrders, scoreAction, quickWinChance, NOISE_TERM } from './ai';
export {
  BOTS,
  BOT_DESCRIPTIONS,
  botOrders,
  isBotName,
  legalActions,
  type BotName,
  type Plan,
} from './bots';
export {
  playGame,
  summarize,
  recordOf,
  gameSeed,
  type GameSummary,
  type Policies,
  type PlayedGame,
  type PlayOptions,
} from './batch';
export * from './calibrate';
export { canonicalJson, hashJson, hashString } from './hash';
export { hashState, hashStateV1 } from './state-hash';
export { RECORD_FORMAT, type GameRecord } from './record/types';
export { parseRecord } from './record/parse';
export { migrateRecord } from './record/migrations';
export {
  decodeRecord,
  encodeRecord,
  linkCode,
  linkScenario,
  shareLink,
  LINK_KEY,
} from './record/link';
export {
  replay,
  replayTo,
  branchRecord,
  startSession,
  dispatch,
  finishedRecord,
  describeOrder,
  type Session,
  type ReplayResult,
  type ReplayPoint,
} from './record/replay';
export { currentRung, holds, chanceOf } from './conditions';
export { restoreRng, seedRng, type Rng } from './rng';
export { formatFaults, type Fault, type Result } from './result';
export * from './selectors';
export * from './scoring';
export * from './luck';
export { addDays, formatDate, parseIsoDate, turnOfDate } from './calendar';
export {
  classDifferences,
  describeClassDifference,
  describeClassDifferenceIn,
  formatClassCode,
  parseClassCode,
  switchesText,
  type ClassCode,
  type ClassDifference,
} from './record/class-code';
export * from './record/limits';
