// The live page reads the server's messages as untrusted data: each guard accepts what the
// protocol describes and nothing else, never throws, and the game it follows from a welcome and
// each resolved turn is the server's (or it says it is out of step).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioVersions } from '../../src/browser/scenario-versions';
import { LiveGame } from '../../src/server/live-game';
import { followRecord, followTurn } from '../../src/live/follow';
import {
  asClassState,
  asProposal,
  asRecordReply,
  asRejection,
  asTurnResolved,
  asWelcome,
} from '../../src/live/messages';
import { hashState, selectActions } from '../../src/sim';
import { ukraine } from '../support/scenario';

const sc = ukraine();

/** A class's game after one resolved turn, as the server keeps it. */
function oneTurn() {
  const game = LiveGame.start(sc, 'live-messages', ['us', 'eu']);
  const start = game.record();
  game.give({ type: 'orders/submitted', role: 'us', actions: [] });
  const resolved = game.resolve();
  return { start, resolved: { ...resolved, why: 'teacher' as const }, after: game.record() };
}

const welcome = (record: unknown) => ({
  code: 'ACDEF',
  seat: 'us',
  role: 'us',
  partner: 0,
  record,
  mine: null,
  proposal: null,
});

const seat = {
  role: 'us',
  partner: 0,
  taken: true,
  connected: true,
  name: 'Team Blue',
  submitted: false,
  proposed: false,
};
const state = {
  code: 'ACDEF',
  scenario: 'ukraine-2021',
  seed: 's',
  turn: 1,
  phase: 'orders',
  hash: 'abc',
  turnSeconds: 60,
  secondsLeft: 30,
  paused: false,
  teacherConnected: true,
  projectors: 0,
  seats: { us: seat },
};

describe('the guards on server messages', () => {
  it('accept the protocol’s shapes', () => {
    const { start, resolved } = oneTurn();
    expect(asWelcome(welcome(start))?.record.seed).toBe('live-messages');
    expect(asTurnResolved(resolved)).toEqual(resolved);
    expect(asProposal({ from: 'us#1', actions: ['a'], rationale: 'why' })).toEqual({
      from: 'us#1',
      actions: ['a'],
      rationale: 'why',
    });
    expect(asRejection({ request: 'submit', code: 'live/wrongPhase', message: 'No.' })).toEqual({
      request: 'submit',
      code: 'live/wrongPhase',
      message: 'No.',
    });
    expect(asClassState(state)?.seats).toEqual([{ seat: 'us', ...seat }]);
    expect(asRecordReply({ record: start, link: 'NoRgNOBECu-_' })?.link).toBe('NoRgNOBECu-_');
  });

  it('refuse anything else', () => {
    const { start, resolved } = oneTurn();
    expect(asWelcome(welcome({ ...start, orders: 'all' }))).toBeNull();
    expect(asWelcome({ ...welcome(start), role: 7 })).toBeNull();
    expect(asWelcome({ ...welcome(start), mine: { actions: [1] } })).toBeNull();
    expect(asTurnResolved({ ...resolved, why: 'because' })).toBeNull();
    expect(asTurnResolved({ ...resolved, orders: [null] })).toBeNull();
    expect(asClassState({ ...state, phase: 'lunch' })).toBeNull();
    expect(asClassState({ ...state, seats: { us: { ...seat, name: 3 } } })).toBeNull();
    // A link is a record's code, never markup or an address.
    expect(asRecordReply({ record: start, link: '"><script>' })).toBeNull();
    expect(asRecordReply({ record: start, link: 'javascript:alert(1)' })).toBeNull();
  });

  it('never throw, whatever comes', () => {
    const guards = [
      asWelcome,
      asTurnResolved,
      asProposal,
      asRejection,
      asClassState,
      asRecordReply,
    ];
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true }), (value) => {
        for (const guard of guards) guard(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('following the class’s game', () => {
  it('replays the welcome and folds each resolved turn to the room’s hash', async () => {
    const { start, resolved, after } = oneTurn();
    const followed = await followRecord(new ScenarioVersions(sc), start);
    expect(followed.ok).toBe(true);
    if (!followed.ok) return;
    const next = followTurn(followed.game, resolved);
    expect(next.ok && next.game.hash).toBe(after.finalHash);
  });

  it('folds a whole game, disputes and injected events included, to the server’s every hash', async () => {
    const game = LiveGame.start(sc, 'live-whole', ['us', 'eu', 'russia']);
    const followed = await followRecord(new ScenarioVersions(sc), game.record());
    if (!followed.ok) throw new Error(followed.message);
    let page = followed.game;
    const event = sc.scenario.events.find((e) => e.injectable)!.id;
    for (let turn = 1; !game.over && turn <= 12; turn++) {
      if (turn === 2) expect(game.give({ type: 'facilitator/eventInjected', event })).toBeNull();
      expect(
        game.give({ type: 'orders/disputed', role: 'us', actions: [], note: `turn ${turn}` }),
      ).toBeNull();
      for (const role of ['us', 'eu', 'russia']) {
        const actions = selectActions(sc, game.state, role)
          .filter((a) => a.locked === null && a.affordable)
          .slice(0, turn % 3)
          .map((a) => a.id);
        expect(game.give({ type: 'orders/submitted', role, actions })).toBeNull();
      }
      const next = followTurn(page, { ...game.resolve(), why: 'allSubmitted' });
      if (!next.ok) throw new Error(next.message);
      page = next.game;
      expect(page.hash).toBe(game.hash);
      expect(hashState(page.state)).toBe(hashState(game.state));
    }
  });

  it('says when the page is out of step with the room', async () => {
    const { start, resolved } = oneTurn();
    const followed = await followRecord(new ScenarioVersions(sc), start);
    if (!followed.ok) throw new Error(followed.message);
    const wrong = followTurn(followed.game, { ...resolved, hash: '0000000000000000' });
    expect(wrong).toEqual({ ok: false, message: expect.stringContaining('0000000000000000') });
    const foreign = await followRecord(new ScenarioVersions(sc), {
      ...start,
      scenario: { ...start.scenario, id: 'mars-2030' },
    });
    expect(foreign).toEqual({ ok: false, message: expect.stringContaining('mars-2030') });
  });
});
