// The classroom pages open games of every shipped scenario: a Cuba 1962 record or link beside a
// Ukraine one is opened with its own scenario (fetched when first named) and replays to its hash;
// it is not called an earlier version of the page's scenario.
import { describe, expect, it } from 'vitest';
import { ScenarioVersions } from '../../src/browser/scenario-versions';
import { openGames } from '../../src/classroom/scenario';
import { hashState, playGame, recordOf, shareLink } from '../../src/sim';
import { shipped } from '../sim/support/shipped';
import { ukraine } from '../support/scenario';

const sc = ukraine();
const cuba = shipped('cuba-1962');
const played = (scenario: typeof sc, seed: string) => {
  const game = playGame(scenario, seed, {});
  return recordOf(scenario, game, hashState(game.state));
};

describe('games of two scenarios in the classroom', () => {
  it('opens a Cuba record beside a Ukraine one, each with its scenario', async () => {
    const records = [played(sc, 'class-u'), played(cuba, 'class-c')];
    const versions = new ScenarioVersions(sc);
    expect(versions.currentOf('cuba-1962')).toBeUndefined();
    const openings = await openGames(versions, JSON.stringify(records));
    expect(openings.map((o) => o.sc.scenario.id)).toEqual(['ukraine-2021', 'cuba-1962']);
    expect(openings.map((o) => o.outcome.status)).toEqual(['matches', 'matches']);
    expect(openings.map((o) => (o.outcome.status === 'failed' ? '' : o.outcome.hash))).toEqual(
      records.map((r) => r.finalHash),
    );
    // Fetched once it was named; the archive was not needed.
    expect(versions.currentOf('cuba-1962')).toBeDefined();
    expect(versions.earlier).toBeNull();
  });

  it('opens a Cuba share link on a page that has not fetched Cuba yet', async () => {
    const record = played(cuba, 'class-link');
    const link = shareLink(cuba, record, 'https://brink.example/');
    const [opening] = await openGames(new ScenarioVersions(sc), link);
    expect(opening!.sc.scenario.id).toBe('cuba-1962');
    expect(opening!.outcome).toMatchObject({ status: 'matches', hash: record.finalHash });
  });

  it('a record of a scenario this copy does not have keeps a clear message', async () => {
    const record = {
      ...played(sc, 'class-x'),
      scenario: { id: 'suez-1956', version: '1.0.0', hash: '0123456789abcdef' },
    };
    const [opening] = await openGames(new ScenarioVersions(sc), JSON.stringify(record));
    expect(opening!.outcome.status).toBe('failed');
    if (opening!.outcome.status === 'failed') expect(opening!.outcome.message).toMatch(/suez-1956/);
  });
});
