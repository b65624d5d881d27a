// Records come from files, links and saves: parsed and checked, never trusted.
import { orderShapeError } from '../orders';
import type { Fault, Result } from '../result';
import type { Order } from '../state';
import { migrateRecord } from './migrations';
import { RECORD_FORMAT, type GameRecord } from './types';

const MAX_ORDERS = 10_000;

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
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: [{ path: '', message: 'A game record must be a JSON object.' }] };
  }
  const migrated = migrateRecord(data as Record<string, unknown>);
  if (!migrated.ok) return migrated;
  const r = migrated.value;
  const errors: Fault[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) errors.push({ path, message });
  };
  const scenario = r.scenario as Record<string, unknown> | undefined;
  need(
    typeof scenario === 'object' && scenario !== null,
    'scenario',
    'missing the scenario it was played in',
  );
  if (scenario && typeof scenario === 'object') {
    for (const key of ['id', 'version', 'hash']) {
      need(
        typeof scenario[key] === 'string' && scenario[key] !== '',
        `scenario.${key}`,
        'must be a non-empty string',
      );
    }
  }
  need(typeof r.seed === 'string', 'seed', 'must be a string');
  need(
    Array.isArray(r.humans) && r.humans.every((h) => typeof h === 'string'),
    'humans',
    'must be a list of role ids',
  );
  need(Array.isArray(r.orders), 'orders', 'must be a list of orders');
  if (Array.isArray(r.orders)) {
    need(r.orders.length <= MAX_ORDERS, 'orders', `has more than ${MAX_ORDERS} orders`);
    r.orders.slice(0, MAX_ORDERS).forEach((order, i) => {
      const error = orderShapeError(order);
      if (error) errors.push({ path: `orders[${i}]`, message: error.message });
    });
  }
  need(
    r.finalHash === undefined || typeof r.finalHash === 'string',
    'finalHash',
    'must be a string',
  );
  const parent = r.parent as Record<string, unknown> | undefined;
  need(
    parent === undefined ||
      (typeof parent === 'object' &&
        typeof parent.hash === 'string' &&
        Number.isInteger(parent.turn)),
    'parent',
    'must have a hash and a turn',
  );
  if (errors.length > 0) return { ok: false, errors };
  const record: GameRecord = {
    format: RECORD_FORMAT,
    scenario: {
      id: String(scenario!.id),
      version: String(scenario!.version),
      hash: String(scenario!.hash),
    },
    seed: r.seed as string,
    humans: [...(r.humans as string[])],
    orders: (r.orders as Order[]).map(copyOrder),
    ...(typeof r.finalHash === 'string' ? { finalHash: r.finalHash } : {}),
    ...(parent ? { parent: { hash: String(parent.hash), turn: Number(parent.turn) } } : {}),
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
