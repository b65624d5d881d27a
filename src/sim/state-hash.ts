// The final-state hash: what every record, share link and live turn carries to show that a replay
// reached the same game, the same on every engine. It covers every value of the game: the numbers,
// intelligence, pending effects and history of the state, and of each turn's report what was done
// (orders), drawn (rolls), happened (events) and changed (each change's variable and amount). It
// leaves out the reports' accounts of why, which follow from those: the computer's weighing of its
// options (its choices are in the orders), each change's cause, a roll's wording and a turn's date.
// Those are most of a finished game's state; without them the wording can improve and old hashes hold.
//
// It walks the state by its known shape (state.ts) rather than as text: numbers go in as 32-bit
// words, each distinct string is digested once (a digest for each lane) and then goes in as those, and the objects keyed
// by ids (variables, capital, last taken…) are combined without regard to their keys' order, so no
// keys are sorted and no text is built. Hashing a finished game costs a small part of playing it.
// (The first definition, the canonical JSON text of the whole state, took longer than the game:
// records made with it are still checked by it, see `hashStateV1`.)
//
// A field added to the state must be added here: tests/sim/state-hash.test.ts changes every value of
// real states and fails on one the hash does not see (or on an account of why that it does).
import { hashJson } from './hash';
import type { Cause, GameState, PendingEffect, TurnReport } from './state';

/** Marks an absent optional field or a null, and a number that is not a 32-bit integer. */
const ABSENT = 0x5bd1e995;
const FLOAT = 0x27d4eb2f;

/** A number's IEEE 754 bits, big-endian whatever the machine. */
const FLOAT_BITS = new DataView(new ArrayBuffer(8));

/** Each distinct string's two words, worked out once (ids, terms and labels recur in every turn). */
const STRINGS = new Map<string, { a: number; b: number }>();
/** Enough for every id and label of the shipped scenarios many times over; beyond it, no memo. */
const STRING_MEMO = 20_000;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** MurmurHash3's finalizer: every input bit reaches every output bit. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Two 32-bit lanes, each MurmurHash3's block step with its own constants, fed words. Strings and
 * the id-keyed objects are digested on lanes of their own and then fed in as words.
 */
class Lanes {
  a = 0x9747b28c;
  b = 0x2f6b3a1d;

  word(w: number): void {
    this.pair(w, w);
  }

  /** One word into each lane (a string's two digests, one made for each). */
  pair(wa: number, wb: number): void {
    let k = Math.imul(wa, 0xcc9e2d51);
    k = Math.imul(rotl(k, 15), 0x1b873593);
    this.a = (Math.imul(rotl(this.a ^ k, 13), 5) + 0xe6546b64) | 0;
    let j = Math.imul(wb, 0x85ebca6b);
    j = Math.imul(rotl(j, 16), 0xc2b2ae35);
    this.b = (Math.imul(rotl(this.b ^ j, 17), 5) + 0x561ccd1b) | 0;
  }

  /** A number: a 32-bit integer as itself, any other as its bits; not finite as null (as JSON). */
  num(v: number | undefined | null): void {
    if ((v! | 0) === v) {
      this.word(v);
    } else if (typeof v === 'number' && Number.isFinite(v)) {
      FLOAT_BITS.setFloat64(0, v);
      this.word(FLOAT);
      this.word(FLOAT_BITS.getInt32(0));
      this.word(FLOAT_BITS.getInt32(4));
    } else {
      this.word(ABSENT);
    }
  }

  str(s: string | undefined): void {
    if (typeof s !== 'string') {
      this.word(ABSENT);
      return;
    }
    let d = STRINGS.get(s);
    if (d === undefined) {
      const h = new Lanes();
      h.word(s.length);
      for (let i = 0; i < s.length; i++) h.word(s.charCodeAt(i));
      d = { a: fmix(h.a), b: fmix(h.b ^ s.length) };
      if (STRINGS.size < STRING_MEMO) STRINGS.set(s, d);
    }
    this.pair(d.a, d.b);
  }

  bool(v: boolean | undefined): void {
    this.word(v === undefined ? ABSENT : v ? 1 : 0);
  }

  strings(list: readonly string[]): void {
    this.word(list.length);
    for (let i = 0; i < list.length; i++) this.str(list[i]);
  }

  /**
   * An object keyed by ids, whatever its keys' order: each entry is digested on fresh lanes, and
   * the digests are added up. Then the count and the sums go in.
   */
  keyed<T>(obj: Readonly<Record<string, T>> | undefined, value: (h: Lanes, item: T) => void): void {
    if (obj === undefined || obj === null) {
      this.word(ABSENT);
      return;
    }
    let count = 0;
    let sumA = 0;
    let sumB = 0;
    const entry = new Lanes();
    for (const key in obj) {
      const item = obj[key]!;
      if (item === undefined) continue;
      entry.a = 0x3c6ef372;
      entry.b = 0x1e3779b9;
      entry.str(key);
      value(entry, item);
      sumA = (sumA + fmix(entry.a)) | 0;
      sumB = (sumB + fmix(entry.b ^ entry.a)) | 0;
      count++;
    }
    this.word(count);
    this.word(sumA);
    this.word(sumB);
  }

  finish(): string {
    const a = fmix(this.a ^ rotl(this.b, 7));
    const b = fmix(this.b ^ a);
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }
}

const num = (h: Lanes, v: number) => h.num(v);
const str = (h: Lanes, v: string) => h.str(v);

function pending(h: Lanes, list: readonly PendingEffect[]): void {
  h.word(list.length);
  for (const p of list) {
    h.str(p.key);
    h.num(p.amount);
    h.num(p.landsOnTurn);
    h.num(p.orderedOnTurn);
    cause(h, p.cause);
    h.num(p.holds);
    h.bool(p.lapse);
  }
}

/** A pending effect's cause is what it will do when it lands: part of the game, not its account. */
function cause(h: Lanes, c: Cause): void {
  h.str(c.kind);
  h.str(c.rule);
  h.str(c.role);
  h.str(c.action);
  h.str(c.event);
  if (c.roll === undefined) {
    h.word(ABSENT);
  } else {
    h.num(c.roll.chance);
    h.bool(c.roll.success);
  }
  h.num(c.fromTurn);
}

/** A turn's report: what was done, drawn, happened and changed; not its accounts of why. */
function report(h: Lanes, r: TurnReport): void {
  h.num(r.turn);
  h.word(r.orders.length);
  for (const o of r.orders) {
    h.str(o.role);
    h.strings(o.actions);
    h.bool(o.byAi);
    h.str(o.rationale);
  }
  h.word(r.rolls.length);
  for (const roll of r.rolls) {
    h.num(roll.chance);
    h.num(roll.draw);
    h.bool(roll.success);
    h.str(roll.role);
    h.str(roll.action);
    h.str(roll.event);
  }
  h.strings(r.events);
  h.strings(r.injected);
  h.word(r.changes.length);
  for (const c of r.changes) {
    h.str(c.key);
    h.num(c.delta);
  }
  h.num(r.escalationScore);
  h.num(r.goldsteinSum);
  h.num(r.rungBefore);
  h.num(r.rungAfter);
}

/** The hash of a game's state: 16 hex digits, the same for the same game on every engine. */
export function hashState(s: GameState): string {
  const h = new Lanes();
  h.str(s.scenario.id);
  h.str(s.scenario.version);
  h.str(s.seed);
  h.num(s.turn);
  h.str(s.phase);
  h.strings(s.humans);
  h.num(s.rng.c);
  h.num(s.rng.s0);
  h.num(s.rng.s1);
  h.num(s.rng.s2);
  h.keyed(s.vars, num);
  h.keyed(s.capital, num);
  h.keyed(s.hidden, num);
  h.keyed(s.intel, (e, byParameter) =>
    e.keyed(byParameter, (f, estimate) => {
      f.num(estimate.low);
      f.num(estimate.high);
    }),
  );
  h.keyed(s.submitted, (e, submission) => {
    e.strings(submission.actions);
    e.str(submission.rationale);
  });
  h.strings(s.injected);
  pending(h, s.pending);
  h.word(s.redLines.length);
  for (const line of s.redLines) {
    h.str(line.role);
    h.str(line.action);
    h.num(line.turn);
  }
  h.keyed(s.taken, num);
  h.keyed(s.happened, num);
  h.word(s.reports.length);
  for (const r of s.reports) report(h, r);
  h.word(s.disputes.length);
  for (const d of s.disputes) {
    h.num(d.turn);
    h.str(d.role);
    h.strings(d.actions);
    h.str(d.note);
  }
  if (s.ending === null) {
    h.word(ABSENT);
  } else {
    h.str(s.ending.id);
    h.num(s.ending.turn);
  }
  h.keyed(s.whatIf, str);
  return h.finish();
}

/**
 * The first definition: the hash of the state's canonical JSON text (hash.ts). Records and links
 * made before 30 November 2026 carry it; a replay checks a claimed hash against both.
 */
export function hashStateV1(state: GameState): string {
  return hashJson(state);
}
