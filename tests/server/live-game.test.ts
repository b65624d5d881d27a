// The server's own game, changed in place: each resolution's hash is the one the record replays
// to through the core's immutable reducer, a record handed out does not change with later orders,
// and a turn dropped (the teacher ends the game) leaves the committed game as it was.
import { expect, it } from 'vitest';
import { LiveGame } from '../../src/server/live-game';
import { shippedScenario } from '../../src/server/scenarios';
import { hashState, replay, selectActions } from '../../src/sim';

const sc = shippedScenario('ukraine-2021')!;
const roles = ['us', 'eu', 'russia'];

function playTurn(game: LiveGame, turn: number): void {
  for (const role of roles) {
    const actions = selectActions(sc, game.state, role)
      .filter((a) => a.locked === null && a.affordable)
      .slice(0, turn % 3)
      .map((a) => a.id);
    expect(game.give({ type: 'orders/submitted', role, actions })).toBeNull();
  }
  game.resolve();
}

it('resolves each turn to the hash its record replays to, and hands out records that stay as they were', () => {
  const game = LiveGame.start(sc, 'live-game', roles);
  for (let turn = 1; turn <= 6 && !game.over; turn++) {
    const before = game.record();
    const kept = JSON.stringify(before);
    playTurn(game, turn);
    expect(JSON.stringify(before)).toBe(kept);
    const replayed = replay(sc, game.record());
    expect(replayed.ok && replayed.value.hash).toBe(game.hash);
    expect(hashState(game.state)).toBe(game.hash);
  }
});

it('drops the turn in progress and comes back to the committed game', () => {
  const game = LiveGame.start(sc, 'live-game-end', roles);
  playTurn(game, 1);
  const record = game.record();
  expect(game.give({ type: 'orders/disputed', role: 'us', actions: [], note: 'no' })).toBeNull();
  expect(game.give({ type: 'orders/submitted', role: 'us', actions: [] })).toBeNull();
  expect(game.submitted('us')).not.toBeNull();
  game.dropTurn();
  expect(game.submitted('us')).toBeNull();
  expect(game.state.disputes).toEqual([]);
  expect(hashState(game.state)).toBe(game.hash);
  expect(game.record()).toEqual(record);
  const resumed = LiveGame.resume(sc, record);
  expect(typeof resumed !== 'string' && hashState(resumed.state)).toBe(game.hash);
});
