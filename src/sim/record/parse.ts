// Records come from files, links and saves: parsed and checked, never trusted. Every field is
// held to a type, a shape and a length (record/limits.ts) before the record is used.
import { orderShapeError } from '../orders';
import type { Fault, Result } from '../result';
import type { Order } from '../state';
import {
  HASH_PATTERN,
  MAX_CLOCK_MINUTES,
  MAX_HUMANS,
  MAX_ID,
  MAX_ORDERS,
  MAX_SEED,
  MAX_TURN,
  MAX_WHAT_IFS,
  VERSION_PATTERN,
  tooLong,
} from './limits';
import { migrateRecord } from './migrations';
import { RECORD_FORMAT, type GameRecord } from './types';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A short, safe picture of a bad value for a message: never the whole of a huge text. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 24 ? `"${value.slice(0, 24)}…"` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}

/** Checks one field; the fault names the field, what it must be, and what it was. */
type Check = (value: unknown) => string | null;

const text =
  (max: number, what = 'text'): Check =>
  (value) =>
    typeof value !== 'string' || value === ''
      ? `must be non-empty ${what}, not ${shownValue(value)}`
      : value.length > max
        ? tooLong(value, max)
        : null;

const matching =
  (pattern: RegExp, example: string): Check =>
  (value) =>
    typeof value === 'string' && pattern.test(value)
      ? null
      : `must look like "${example}", not ${shownValue(value)}`;

const wholeNumber =
  (min: number, max: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? null
      : `must be a whole number from ${min} to ${max}, not ${shownValue(value)}`;

export function parseRecord(input: unknown): Result<GameRecord> {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return {
        ok: false,
        errors: [{ path: '', message: `The record is not valid JSON: ${(e as Error).message}` }],
      };
    }
  }
  if (!isObject(data)) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `A game record must be a JSON object, not ${shownValue(data)}.`,
        },
      ],
    };
  }
  const migrated = migrateRecord(data);
  if (!migrated.ok) return migrated;
  const r = migrated.value;
  const errors: Fault[] = [];
  const check = (path: string, value: unknown, rule: Check) => {
    const message = rule(value);
    if (message) errors.push({ path, message });
  };

  const scenario = r.scenario;
  if (!isObject(scenario)) {
    errors.push({ path: 'scenario', message: 'is missing: the record must name its scenario' });
  } else {
    check('scenario.id', scenario.id, text(MAX_ID, 'text (an id)'));
    check('scenario.version', scenario.version, matching(VERSION_PATTERN, '1.0.0'));
    check('scenario.hash', scenario.hash, matching(HASH_PATTERN, '0123456789abcdef'));
  }
  check('seed', r.seed, (value) =>
    typeof value !== 'string'
      ? `must be text, not ${shownValue(value)}`
      : value.length > MAX_SEED
        ? tooLong(value, MAX_SEED)
        : null,
  );
  if (!Array.isArray(r.humans)) {
    errors.push({ path: 'humans', message: 'must be a list of role ids' });
  } else if (r.humans.length > MAX_HUMANS) {
    errors.push({
      path: 'humans',
      message: `lists ${r.humans.length} roles; at most ${MAX_HUMANS}`,
    });
  } else {
    r.humans.forEach((h, i) => check(`humans[${i}]`, h, text(MAX_ID, 'text (a role id)')));
    if (new Set(r.humans).size !== r.humans.length)
      errors.push({ path: 'humans', message: 'names a role twice' });
  }
  if (!Array.isArray(r.orders)) {
    errors.push({ path: 'orders', message: 'must be a list of orders' });
  } else {
    if (r.orders.length > MAX_ORDERS)
      errors.push({ path: 'orders', message: `has more than ${MAX_ORDERS} orders` });
    r.orders.slice(0, MAX_ORDERS).forEach((order, i) => {
      const error = orderShapeError(order);
      if (error) errors.push({ path: `orders[${i}]`, message: error.message });
    });
  }
  if (r.finalHash !== undefined)
    check('finalHash', r.finalHash, matching(HASH_PATTERN, '0123456789abcdef'));
  if (r.clock !== undefined) check('clock', r.clock, wholeNumber(1, MAX_CLOCK_MINUTES));
  const parent = r.parent;
  if (parent !== undefined) {
    if (!isObject(parent)) {
      errors.push({ path: 'parent', message: 'must be an object with a hash and a turn' });
    } else {
      check('parent.hash', parent.hash, matching(HASH_PATTERN, '0123456789abcdef'));
      check('parent.turn', parent.turn, wholeNumber(0, MAX_TURN));
    }
  }
  const whatIf = r.whatIf;
  if (whatIf !== undefined) {
    if (!isObject(whatIf)) {
      errors.push({
        path: 'whatIf',
        message: `must be an object naming an option for each switch, not ${shownValue(whatIf)}`,
      });
    } else if (Object.keys(whatIf).length > MAX_WHAT_IFS) {
      errors.push({
        path: 'whatIf',
        message: `names ${Object.keys(whatIf).length} switches; at most ${MAX_WHAT_IFS}`,
      });
    } else {
      for (const [key, value] of Object.entries(whatIf)) {
        if (key === '' || key.length > MAX_ID)
          errors.push({ path: 'whatIf', message: `a switch id must be 1–${MAX_ID} characters` });
        else check(`whatIf.${key}`, value, text(MAX_ID, 'text (an option id)'));
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const s = scenario as Record<string, string>;
  const record: GameRecord = {
    format: RECORD_FORMAT,
    scenario: { id: s.id!, version: s.version!, hash: s.hash! },
    seed: r.seed as string,
    humans: [...(r.humans as string[])],
    orders: (r.orders as Order[]).map(copyOrder),
    ...(typeof r.finalHash === 'string' ? { finalHash: r.finalHash } : {}),
    ...(typeof r.clock === 'number' ? { clock: r.clock } : {}),
    ...(isObject(parent)
      ? { parent: { hash: parent.hash as string, turn: parent.turn as number } }
      : {}),
    ...(isObject(whatIf) && Object.keys(whatIf).length > 0
      ? { whatIf: { ...(whatIf as Record<string, string>) } }
      : {}),
  };
  return { ok: true, value: record };
}

/** Keeps only the known fields of an order, so nothing unexpected rides along. */
function copyOrder(order: Order): Order {
  switch (order.type) {
    case 'orders/submitted':
      return {
        type: order.type,
        role: order.role,
        actions: [...order.actions],
        ...(order.rationale !== undefined ? { rationale: order.rationale } : {}),
      };
    case 'orders/disputed':
      return {
        type: order.type,
        role: order.role,
        actions: [...order.actions],
        ...(order.note !== undefined ? { note: order.note } : {}),
      };
    case 'turn/ended':
      return { type: order.type };
    case 'facilitator/eventInjected':
      return { type: order.type, event: order.event };
  }
}
