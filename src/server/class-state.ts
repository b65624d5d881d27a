// The room's synchronised state: what every page of a class sees (the projector's view). It never
// holds orders, only whether each seat's role has submitted; see ClassStateView in
// src/browser/live-protocol.ts for what each field means.
import { schema, type SchemaType } from '@colyseus/schema';

export const SeatState = schema(
  {
    seat: 'string',
    role: 'string',
    partner: 'number',
    taken: 'boolean',
    connected: 'boolean',
    name: 'string',
    submitted: 'boolean',
    proposed: 'boolean',
  },
  'SeatState',
);
export type SeatState = SchemaType<typeof SeatState>;

export const ClassState = schema(
  {
    code: 'string',
    scenario: 'string',
    seed: 'string',
    turn: 'number',
    phase: 'string',
    hash: 'string',
    turnSeconds: 'number',
    secondsLeft: 'number',
    paused: 'boolean',
    teacherConnected: 'boolean',
    projectors: 'number',
    seats: { map: SeatState },
  },
  'ClassState',
);
export type ClassState = SchemaType<typeof ClassState>;
