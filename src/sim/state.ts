// The game state: plain JSON, no classes, Maps or functions. Everything the UI shows is derived
// from it by the selectors.
import type { HiddenParameter } from './scenario/types';

/** seedrandom's alea generator state, kept in the game state so the game can be saved and replayed. */
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export interface Estimate {
  low: number;
  high: number;
}

export interface Submission {
  actions: string[];
  rationale?: string;
}

/** The systemic rules that move numbers, beside orders, events and drift. */
export const CAUSE_RULES = [
  'tension',
  'signal',
  'snapback',
  'rally',
  'redLineBacked',
  'redLineBroken',
  'sanctionsBite',
  'disunity',
  'spent',
  'income',
] as const;
export type CauseRule = (typeof CAUSE_RULES)[number];

/**
 * Why a number moved, by reference to the scenario: the selectors turn it into words
 * (`describeCause`). Ids only, so the state stays small and the words can be improved later.
 */
export interface Cause {
  /** `lapse`: a political promise's effect ran out and was moved back. */
  kind: 'action' | 'event' | 'pending' | 'lapse' | 'drift' | 'rule';
  rule?: CauseRule;
  role?: string;
  action?: string;
  event?: string;
  /** When the change came from a roll: the chance it had and whether it came up. */
  roll?: { chance: number; success: boolean };
  /** For an effect that landed late or lapsed: the turn it was ordered. */
  fromTurn?: number;
}

/** One recorded change. `key` is a variable id, or `capital:<role>` for political capital. */
export interface Change {
  key: string;
  /** The change actually applied, after the variable's limits. */
  delta: number;
  cause: Cause;
}

export interface RollRecord {
  label: string;
  chance: number;
  /** The number drawn, 0–99: the roll succeeds when it is below the chance. */
  draw: number;
  success: boolean;
  role?: string;
  action?: string;
  event?: string;
}

export interface PendingEffect {
  key: string;
  amount: number;
  landsOnTurn: number;
  orderedOnTurn: number;
  cause: Cause;
  /** A delayed effect that, once landed, holds this many turns and then lapses. */
  holds?: number;
  /** The reversal of a political effect that lapses on `landsOnTurn`. */
  lapse?: true;
}

/** One term of an AI's weighing of an option, in tenths of a utility point. */
export interface AiTerm {
  term: string;
  value: number;
}

export interface AiOption {
  action: string;
  score: number;
  terms: AiTerm[];
  /** Why it could not be chosen, if a hard gate or the rules stopped it. */
  blocked?: string;
}

export interface AiDecision {
  role: string;
  chosen: string[];
  /** The chosen options and the next best, with the terms that decided. */
  considered: AiOption[];
}

export interface TurnOrders {
  role: string;
  actions: string[];
  byAi: boolean;
  rationale?: string;
}

export interface TurnReport {
  turn: number;
  date: string;
  orders: TurnOrders[];
  ai: AiDecision[];
  rolls: RollRecord[];
  events: string[];
  injected: string[];
  changes: Change[];
  /** Sum of the escalation classes of everything done this turn (Rivera et al. 2024). */
  escalationScore: number;
  /** Sum of Goldstein weights (×10) of everything done this turn. */
  goldsteinSum: number;
  rungBefore: number;
  rungAfter: number;
}

export interface EndingReached {
  id: string;
  turn: number;
}

export interface GameState {
  scenario: { id: string; version: string };
  seed: string;
  /** The turn whose orders are being given, from 1; after the end, the last turn played. */
  turn: number;
  phase: 'orders' | 'over';
  /** Roles whose orders come from people (or scripted bots); the rest are played by the AI. */
  humans: string[];
  rng: RngState;
  vars: Record<string, number>;
  capital: Record<string, number>;
  /** Russia's true intent, drawn from the seed; shown only in the debrief. */
  hidden: Record<HiddenParameter, number>;
  /** Per role that must estimate it: the range it believes each hidden parameter lies in. */
  intel: Record<string, Record<HiddenParameter, Estimate>>;
  /** This turn's hidden orders, by role. */
  submitted: Record<string, Submission>;
  /** Facilitator-injected events waiting for this turn's event phase. */
  injected: string[];
  pending: PendingEffect[];
  redLines: { role: string; action: string; turn: number }[];
  /** Last turn each action was taken. */
  taken: Record<string, number>;
  /** Turn each event happened. */
  happened: Record<string, number>;
  reports: TurnReport[];
  /** Dyad mode: orders one player proposed and the partner refused. */
  disputes: { turn: number; role: string; actions: string[]; note?: string }[];
  ending: EndingReached | null;
  /** The what-if switches the game is played under (switch → option); absent for the model as built. */
  whatIf?: Record<string, string>;
}

export const ORDER_TYPES = [
  'orders/submitted',
  'orders/disputed',
  'turn/ended',
  'facilitator/eventInjected',
] as const;

export type Order =
  | { type: 'orders/submitted'; role: string; actions: string[]; rationale?: string }
  /** Dyad mode: the second player of a role refused these proposed orders (kept for the debrief). */
  | { type: 'orders/disputed'; role: string; actions: string[]; note?: string }
  | { type: 'turn/ended' }
  | { type: 'facilitator/eventInjected'; event: string };

export const ORDER_ERROR_CODES = [
  'order/malformed',
  'order/wrongPhase',
  'order/unknownRole',
  'order/notHuman',
  'order/unknownAction',
  'order/notYourRole',
  'order/duplicate',
  'order/tooMany',
  'order/notAffordable',
  'order/locked',
  'order/ordersMissing',
  'order/unknownEvent',
  'order/notInjectable',
] as const;
export type OrderErrorCode = (typeof ORDER_ERROR_CODES)[number];

export interface OrderError {
  code: OrderErrorCode;
  message: string;
}

export interface ReduceResult {
  state: GameState;
  error: OrderError | null;
}
