// How long or large each field of a record, link, save or class code may be. Everything that
// enters from outside is held to these before it is trusted, so no field can grow without bound
// (a 1 MB seed once stretched the printed report by 22 million pixels).

/** Seeds: the title's seed box takes 40 characters; the command line adds `#N` for each game. */
export const MAX_SEED = 64;
/** Role, action, event and scenario ids. */
export const MAX_ID = 64;
/** One sentence of reasoning per turn, or a partner's note on disputed orders. */
export const MAX_RATIONALE = 280;
/** Actions in one set of orders. */
export const MAX_ACTIONS_PER_ORDER = 32;
/** Roles played by people in one game. */
export const MAX_HUMANS = 16;
/** What-if switches a record may name. */
export const MAX_WHAT_IFS = 16;
/** Orders in one record. */
export const MAX_ORDERS = 10_000;
/** Turns a branch point can name. */
export const MAX_TURN = 1_000;
/** Minutes a turn on a class clock. */
export const MAX_CLOCK_MINUTES = 60;

/** A scenario version: three whole numbers, as in "1.0.0". */
export const VERSION_PATTERN = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;
/** A content or final-state hash: 16 lower-case hex digits (`hashString`). */
export const HASH_PATTERN = /^[0-9a-f]{16}$/;

/** "is 1048576 characters long; at most 64 are allowed" — for a message about a too-long text. */
export function tooLong(text: string, max: number): string {
  return `is ${text.length} characters long; at most ${max} are allowed`;
}
