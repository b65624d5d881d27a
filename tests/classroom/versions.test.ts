// Games of earlier scenario versions in the classroom pages: the 1.0.0 fixture records and share
// links open through the pages' own loading code, which fetches the archive, and replay to the
// final hash they carry with the version they were played with; the current version alone still
// refuses them with its clear message, and a hash no version knows keeps that message too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupRow } from '../../src/classroom/compare';
import { openText, type Opening } from '../../src/classroom/entries';
import { openFiles } from '../../src/classroom/files';
import { archivedScenarios, ScenarioVersions } from '../../src/browser/scenario-versions';
import { openGames } from '../../src/classroom/scenario';
import { hashState, hashStateV1, playGame, recordOf } from '../../src/sim';
import { ukraine } from '../support/scenario';

const sc = ukraine();
const FIXTURES = join(import.meta.dirname, '../fixtures/records');
const recordsText = readFileSync(join(FIXTURES, 'ukraine-2021-1.0.0.json'), 'utf8');
const records = JSON.parse(recordsText) as { finalHash: string }[];
const links = readFileSync(join(FIXTURES, 'ukraine-2021-1.0.0.links.txt'), 'utf8').trim();

/**
 * What each game replayed to, by the hash its record carries: records made before 30 November 2026
 * carry the first definition's (the whole state's canonical JSON).
 */
const replayedTo = (openings: readonly Pick<Opening, 'outcome'>[]) =>
  openings.map((o) =>
    o.outcome.status === 'failed' ? o.outcome.message : hashStateV1(o.outcome.state),
  );
/** The hash the class view shows: this version's, the same for the same game whatever made it. */
const shownAsThisVersionComputes = (openings: readonly Pick<Opening, 'outcome'>[]) =>
  openings.every(
    (o) => o.outcome.status !== 'failed' && o.outcome.hash === hashState(o.outcome.state),
  );

describe('games of earlier scenario versions in the classroom', () => {
  it('the archive holds the version that replays 1.0.0 games', async () => {
    const archived = await archivedScenarios();
    expect(archived.map((a) => a.scenario.version)).toEqual(
      expect.arrayContaining(['1.0.1', '1.1.0']),
    );
    expect(archived.some((a) => a.hashes.includes('e6741b556f15c895'))).toBe(true);
  });

  it('opens the 1.0.0 records and replays each to its final hash with the archived version', async () => {
    const openings = await openGames(new ScenarioVersions(sc), recordsText);
    expect(openings).toHaveLength(records.length);
    expect(openings.map((o) => o.outcome.status)).toEqual(records.map(() => 'matches'));
    expect(replayedTo(openings)).toEqual(records.map((r) => r.finalHash));
    expect(shownAsThisVersionComputes(openings)).toBe(true);
    for (const o of openings) {
      expect(o.record?.scenario.version).toBe('1.0.0');
      expect(o.sc).not.toBe(sc);
      expect(o.sc.hashes).toContain(o.record?.scenario.hash);
    }
  });

  it('opens the 1.0.0 share links and replays each to its final hash', async () => {
    const openings = await openGames(new ScenarioVersions(sc), links);
    expect(openings).toHaveLength(links.split('\n').length);
    expect(openings.map((o) => o.outcome.status)).toEqual(openings.map(() => 'matches'));
    expect(replayedTo(openings)).toEqual(openings.map((o) => o.record?.finalHash));
    expect(shownAsThisVersionComputes(openings)).toBe(true);
    for (const o of openings) {
      expect(o.record?.scenario.version).toBe('1.0.0');
    }
  });

  it('opens record files of 1.0.0 beside current ones, each with its own version', async () => {
    const game = playGame(sc, 'current-game', { us: 'greedy' });
    const current = recordOf(sc, game, hashState(game.state));
    const versions = new ScenarioVersions(sc);
    const games = await openFiles(versions, [
      new File([JSON.stringify(current)], 'now.json'),
      new File([recordsText], 'old.json'),
    ]);
    expect(games.map((g) => g.outcome.status)).toEqual(games.map(() => 'matches'));
    expect(games[0]!.sc).toBe(sc);
    expect(games.slice(1).every((g) => g.sc.scenario.version === '1.0.1')).toBe(true);
    // Names and scores come from the game's own version.
    const row = groupRow(games[1]!.sc, games[1]!);
    expect(row.status).toBe('matches');
    expect(row.scores.map((s) => s.role).sort()).toEqual(sc.scenario.roles.map((r) => r.id).sort());
    expect(replayedTo(games.slice(1, 2))).toEqual([records[0]!.finalHash]);
    expect(shownAsThisVersionComputes(games)).toBe(true);
    expect(row.hash).toBe(games[1]!.outcome.status !== 'failed' && games[1]!.outcome.hash);
  });

  it('without the archive, the current version refuses them with its message (openText stays synchronous)', () => {
    const [opened] = openText(sc, recordsText);
    expect(opened!.outcome).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/version 1\.0\.0/),
    });
    const [link] = openText(sc, links.split('\n')[0]!);
    expect(link!.outcome).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/version 1\.0\.0/),
    });
  });

  it('a record whose hash no version knows keeps the clear message', async () => {
    const [first] = JSON.parse(recordsText) as { scenario: { hash: string; version: string } }[];
    first!.scenario = { ...first!.scenario, version: '0.9.0', hash: '0123456789abcdef' };
    const [opened] = await openGames(new ScenarioVersions(sc), JSON.stringify(first));
    expect(opened!.sc).toBe(sc);
    expect(opened!.outcome).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(
        new RegExp(`version 0\\.9\\.0 .*0123456789abcdef.*version ${sc.scenario.version}`),
      ),
    });
  });
});
