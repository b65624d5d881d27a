import { describe, expect, it } from 'vitest';
import {
  branchRecord,
  dispatch,
  hashState,
  parseRecord,
  playGame,
  recordOf,
  replay,
  replayTo,
} from '../../../src/sim';
import { ukraine } from '../../support/scenario';

const sc = ukraine();
const game = playGame(sc, 'branch-test', { us: 'greedy', russia: 'random' });
const record = recordOf(sc, game, hashState(game.state));

describe('stepping through and branching a recorded game', () => {
  it('stands at each turn exactly where the game stood', () => {
    const last = game.state.reports.length;
    for (let turns = 0; turns <= last; turns++) {
      const point = replayTo(sc, record, turns);
      expect(point.ok).toBe(true);
      if (!point.ok) return;
      expect(point.value.state.reports).toHaveLength(turns);
      expect(point.value.state.reports.at(-1)).toEqual(game.state.reports[turns - 1]);
    }
    const end = replayTo(sc, record, last);
    expect(end.ok && hashState(end.value.state)).toBe(record.finalHash);
  });

  it('branches a new game that names its parent and replays to its own state', () => {
    const branched = branchRecord(sc, record, 3);
    expect(branched.ok).toBe(true);
    if (!branched.ok) return;
    let session = branched.value;
    expect(session.record.parent).toEqual({ hash: record.finalHash, turn: 3 });
    expect(session.state.turn).toBe(4);
    // Play on differently: the us gives no orders from here on.
    while (session.state.phase === 'orders') {
      session = dispatch(sc, session, {
        type: 'orders/submitted',
        role: 'us',
        actions: [],
      }).session;
      session = dispatch(sc, session, {
        type: 'orders/submitted',
        role: 'russia',
        actions: [],
      }).session;
      const ended = dispatch(sc, session, { type: 'turn/ended' });
      expect(ended.error).toBeNull();
      session = ended.session;
    }
    const reparsed = parseRecord(JSON.stringify(session.record));
    expect(reparsed.ok).toBe(true);
    if (!reparsed.ok) return;
    const again = replay(sc, reparsed.value);
    expect(again.ok && again.value.hash).toBe(hashState(session.state));
    expect(hashState(session.state)).not.toBe(record.finalHash);
  });

  it('says why it cannot step through a tampered record', () => {
    const tampered = {
      ...record,
      orders: [
        { type: 'orders/submitted' as const, role: 'us', actions: ['us.nothing'] },
        ...record.orders,
      ],
    };
    const point = replayTo(sc, tampered, 2);
    expect(point.ok).toBe(false);
    if (!point.ok) expect(point.errors[0]!.message).toMatch(/us.nothing/);
  });
});
