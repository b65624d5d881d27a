// Checks an order against the state before anything is applied: an illegal order is rejected
// whole, with a typed error, and the state is left as it was.
import type { CompiledScenario } from './scenario/compile';
import type { Action } from './scenario/types';
import type { GameState, Order, OrderError, OrderErrorCode } from './state';
import { MAX_ACTIONS_PER_ORDER, MAX_ID, MAX_RATIONALE } from './record/limits';
import { costOf, isAvailable, lockReason } from './rules';

function fail(code: OrderErrorCode, message: string): OrderError {
  return { code, message };
}

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= MAX_ACTIONS_PER_ORDER && value.every(isId);

/** Checks the shape of an order that came from outside (a record, a save, the UI). */
export function orderShapeError(order: unknown): OrderError | null {
  if (typeof order !== 'object' || order === null)
    return fail('order/malformed', 'An order must be an object.');
  const o = order as Record<string, unknown>;
  switch (o.type) {
    case 'orders/submitted':
      if (!isId(o.role)) return fail('order/malformed', 'Submitted orders need a role.');
      if (!isIdList(o.actions)) {
        return fail(
          'order/malformed',
          `Submitted orders need a list of at most ${MAX_ACTIONS_PER_ORDER} action ids.`,
        );
      }
      if (
        o.rationale !== undefined &&
        (typeof o.rationale !== 'string' || o.rationale.length > MAX_RATIONALE)
      ) {
        return fail(
          'order/malformed',
          `A rationale must be text of at most ${MAX_RATIONALE} characters.`,
        );
      }
      return null;
    case 'orders/disputed':
      if (!isId(o.role)) return fail('order/malformed', 'Disputed orders need a role.');
      if (!isIdList(o.actions)) {
        return fail(
          'order/malformed',
          `Disputed orders need a list of at most ${MAX_ACTIONS_PER_ORDER} action ids.`,
        );
      }
      if (o.note !== undefined && (typeof o.note !== 'string' || o.note.length > MAX_RATIONALE)) {
        return fail(
          'order/malformed',
          `A note must be text of at most ${MAX_RATIONALE} characters.`,
        );
      }
      return null;
    case 'turn/ended':
      return null;
    case 'facilitator/eventInjected':
      return isId(o.event) ? null : fail('order/malformed', 'An injected event needs an event id.');
    default:
      return fail('order/malformed', `Unknown order type ${JSON.stringify(o.type)}.`);
  }
}

export function validateOrder(
  sc: CompiledScenario,
  state: GameState,
  order: Order,
): OrderError | null {
  const shape = orderShapeError(order);
  if (shape) return shape;
  if (state.phase !== 'orders')
    return fail('order/wrongPhase', 'The game is over; no more orders can be given.');
  switch (order.type) {
    case 'orders/submitted':
      return validateSubmission(sc, state, order.role, order.actions);
    case 'orders/disputed': {
      const role = sc.roles[order.role];
      if (!role)
        return fail('order/unknownRole', `There is no role "${order.role}" in this scenario.`);
      if (!state.humans.includes(order.role)) {
        return fail('order/notHuman', `${role.name} is played by the computer in this game.`);
      }
      const stranger = order.actions.find((id) => sc.actions[id]?.role !== order.role);
      if (stranger !== undefined) {
        return fail('order/unknownAction', `"${stranger}" is not an action of ${role.name}.`);
      }
      return null;
    }
    case 'turn/ended': {
      const missing = state.humans.filter((r) => !state.submitted[r]);
      if (missing.length === 0) return null;
      const names = missing.map((r) => sc.roles[r]?.name ?? r).join(', ');
      return fail('order/ordersMissing', `Waiting for orders from ${names}.`);
    }
    case 'facilitator/eventInjected': {
      const event = sc.events[order.event];
      if (!event)
        return fail('order/unknownEvent', `There is no event "${order.event}" in this scenario.`);
      if (!event.injectable)
        return fail('order/notInjectable', `${event.name} cannot be injected by hand.`);
      if (state.injected.includes(event.id)) {
        return fail('order/notInjectable', `${event.name} is already injected this turn.`);
      }
      if (!event.repeatable && state.happened[event.id] !== undefined) {
        return fail(
          'order/notInjectable',
          `${event.name} has already happened (turn ${state.happened[event.id]}).`,
        );
      }
      return null;
    }
  }
}

export function validateSubmission(
  sc: CompiledScenario,
  state: GameState,
  roleId: string,
  actionIds: readonly string[],
): OrderError | null {
  const role = sc.roles[roleId];
  if (!role) return fail('order/unknownRole', `There is no role "${roleId}" in this scenario.`);
  if (!state.humans.includes(roleId)) {
    return fail('order/notHuman', `${role.name} is played by the computer in this game.`);
  }
  if (actionIds.length > role.maxActionsPerTurn) {
    return fail(
      'order/tooMany',
      `${role.name} can give at most ${role.maxActionsPerTurn} orders a turn.`,
    );
  }
  const actions: Action[] = [];
  for (const id of actionIds) {
    const action = sc.actions[id];
    if (!action) return fail('order/unknownAction', `There is no action "${id}" in this scenario.`);
    if (action.role !== roleId) {
      const owner = sc.roles[action.role]?.name ?? action.role;
      return fail(
        'order/notYourRole',
        `"${action.name}" is an action of ${owner}, not of ${role.name}.`,
      );
    }
    if (actions.includes(action))
      return fail('order/duplicate', `"${action.name}" is ordered twice.`);
    if (!isAvailable(sc, state, action)) {
      return fail(
        'order/locked',
        `"${action.name}" is not available: ${lockReason(sc, state, action)}`,
      );
    }
    actions.push(action);
  }
  const cost = costOf(actions);
  const capital = state.capital[roleId] ?? 0;
  if (cost > capital) {
    return fail(
      'order/notAffordable',
      `These orders cost ${cost} political capital; ${role.name} has ${capital}.`,
    );
  }
  return null;
}
