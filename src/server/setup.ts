// A live class's set-up: what the teacher asked for, checked against the scenario. Create options
// come from a browser, so they are parsed here into a trusted RoomSetup or refused with a
// sentence the teacher can act on; the seats follow from the set-up.
import { MAX_ID, MAX_SEED, formatFaults, whatIfVariant, type CompiledScenario } from '../sim';
import { seatId, type CreateOptions } from '../browser/live-protocol';
import { shippedScenario, shippedScenarioIds } from './scenarios';

/** The most seconds a turn's clock may have: an hour, as the class code's minutes allow. */
export const MAX_TURN_SECONDS = 3_600;

/** What a room is made from, and what is saved beside its record to resume it. */
export interface RoomSetup {
  format: 1;
  code: string;
  scenario: string;
  seed: string;
  turnSeconds: number;
  /** Roles played by people, in the scenario's order. */
  roles: string[];
  dyads: string[];
  whatIf: Record<string, string>;
  /** sha256 of the teacher token, never the token itself. */
  teacherTokenHash: string;
  /** The teacher ended the game before an ending: a resumed class stays ended. */
  ended?: true;
}

export interface SeatPlan {
  seat: string;
  role: string;
  partner: 0 | 1 | 2;
}

/** Every role seat of a set-up, in the scenario's order of roles. */
export function seatsOf(setup: Pick<RoomSetup, 'roles' | 'dyads'>): SeatPlan[] {
  return setup.roles.flatMap((role): SeatPlan[] =>
    setup.dyads.includes(role)
      ? [
          { seat: seatId(role, 1), role, partner: 1 },
          { seat: seatId(role, 2), role, partner: 2 },
        ]
      : [{ seat: role, role, partner: 0 }],
  );
}

const ID = /^[a-z0-9][a-z0-9._-]*$/i;
const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_ID && ID.test(value);

type Parsed = {
  ok: true;
  value: Omit<RoomSetup, 'code' | 'teacherTokenHash'>;
  sc: CompiledScenario;
};

/** Create options from a teacher's page, checked; the scenario is the variant the class plays. */
export function parseCreateOptions(input: unknown): Parsed | { ok: false; message: string } {
  const refuse = (message: string) => ({ ok: false as const, message });
  if (typeof input !== 'object' || input === null)
    return refuse('Create options must be an object.');
  const o = input as Partial<Record<keyof CreateOptions, unknown>>;
  const known = shippedScenarioIds();
  if (!isId(o.scenario) || !known.includes(o.scenario))
    return refuse(`Choose a scenario: ${known.join(', ')}.`);
  const base = shippedScenario(o.scenario);
  if (!base) return refuse(`The scenario ${o.scenario} cannot be loaded on this server.`);
  if (typeof o.seed !== 'string' || o.seed.trim() === '' || o.seed.trim().length > MAX_SEED)
    return refuse(`The seed must be text of 1 to ${MAX_SEED} characters.`);
  const turnSeconds = o.turnSeconds ?? 0;
  if (
    !Number.isInteger(turnSeconds) ||
    (turnSeconds as number) < 0 ||
    (turnSeconds as number) > MAX_TURN_SECONDS
  )
    return refuse(
      `The turn clock must be a whole number of seconds from 0 (no clock) to ${MAX_TURN_SECONDS}.`,
    );
  const playable = base.roleOrder.filter((r) => base.roles[r]!.playable);
  const list = (value: unknown, what: string): string[] | string => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.length > playable.length || !value.every(isId))
      return `${what} must be a list of role ids.`;
    const unknown = value.find((r) => !playable.includes(r));
    if (unknown !== undefined)
      return `${what}: "${unknown}" is not a role people can play in ${base.scenario.id}; the roles are ${playable.join(', ')}.`;
    return base.roleOrder.filter((r) => value.includes(r));
  };
  const roles = list(o.roles, 'The roles played by people');
  if (typeof roles === 'string') return refuse(roles);
  if (roles.length === 0)
    return refuse(`Choose at least one role for people to play: ${playable.join(', ')}.`);
  const dyads = list(o.dyads, 'The dyads');
  if (typeof dyads === 'string') return refuse(dyads);
  const stray = dyads.find((r) => !roles.includes(r));
  if (stray !== undefined)
    return refuse(`The dyad "${stray}" is not among the roles played by people.`);
  const whatIf = o.whatIf ?? {};
  if (
    typeof whatIf !== 'object' ||
    whatIf === null ||
    Array.isArray(whatIf) ||
    !Object.entries(whatIf).every(([k, v]) => isId(k) && isId(v))
  )
    return refuse('The what-if switches must map switch ids to option ids.');
  const variant = whatIfVariant(base, whatIf as Record<string, string>);
  if (!variant.ok)
    return refuse(`These what-if switches cannot be played: ${formatFaults(variant.errors)}`);
  return {
    ok: true,
    sc: variant.value,
    value: {
      format: 1,
      scenario: base.scenario.id,
      seed: o.seed.trim(),
      turnSeconds: turnSeconds as number,
      roles,
      dyads,
      whatIf: { ...variant.value.whatIf },
    },
  };
}
