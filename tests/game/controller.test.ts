// The game controller without a browser: continuing a saved game resumes it as it was played,
// whatever the title was set to, and no screen is ever left without a seat whose orders are due;
// a game of an earlier scenario version goes on with that version, fetched from the archive.
// localStorage is a small in-memory stand-in.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GameController } from '../../src/game/controller';
import { writeSave } from '../../src/game/save';
import { decodeRecord, hashState, hashStateV1, replay } from '../../src/sim';
import {
  archivedScenario,
  fixtureLinks,
  fixtureRecords,
  gameInProgress,
  saveText,
} from '../support/archive';
import { MemoryStorage } from '../support/memory-storage';
import { ukraine } from '../support/scenario';

const sc = ukraine();
const controller = () => new GameController(sc, () => 'title-seed');

beforeEach(() => {
  vi.stubGlobal('localStorage', new MemoryStorage());
});

/** A United States game saved after one turn. */
function savedUsGame(): void {
  const c = controller();
  c.setSeed('saved-seed');
  c.newGame();
  c.beginCrisis();
  c.endTurn();
  c.afterResolution();
  expect(c.ui.screen).toBe('crisis');
}

describe('continuing a saved game', () => {
  it('resumes as the saved role, seat, seed and mode whatever the title chose', () => {
    savedUsGame();
    const c = controller();
    c.chooseRole('ukraine');
    c.setSeed('another');
    c.toggleHotSeat();
    c.chooseRole('russia');
    c.toggleDyad();
    c.toggleFacilitator();
    c.continueGame();
    expect(c.ui).toMatchObject({
      screen: 'crisis',
      role: 'us',
      seats: ['us'],
      hotSeat: false,
      dyad: false,
      facilitator: null,
      seed: 'saved-seed',
    });
    c.proposeOrders();
    expect(c.ui.screen).toBe('resolution');
    expect(c.state!.reports).toHaveLength(2);
  });

  it('hands a hot-seat game over to the seat whose orders are due', () => {
    const first = controller();
    first.toggleHotSeat();
    first.chooseRole('russia');
    first.newGame();
    first.beginCrisis();
    first.endTurn(); // the United States' orders are in; Russia's are due
    expect(first.ui).toMatchObject({ screen: 'pass', role: 'russia' });
    const c = controller();
    c.chooseRole('eu');
    c.continueGame();
    expect(c.ui).toMatchObject({ screen: 'pass', role: 'russia', seats: ['us', 'russia'] });
  });
});

describe('saves that cannot be opened', () => {
  it('are kept aside, not deleted, and discarded only on a second press', () => {
    localStorage.setItem('brink.save', '{"role":"us","record":{"format":99}}');
    const c = controller();
    expect(localStorage.getItem('brink.save')).toBeNull();
    expect(c.unopened.map((u) => u.text)).toEqual(['{"role":"us","record":{"format":99}}']);
    expect(c.ui.notice).toContain('could not be opened');
    expect(c.unopenedSaveFile()?.text).toBe('{"role":"us","record":{"format":99}}');
    c.discardUnopenedSave();
    expect(c.unopened).toHaveLength(1);
    c.discardUnopenedSave();
    expect(c.unopened).toHaveLength(0);
    expect(controller().unopened).toHaveLength(0);
  });

  it('a downloaded save opens in the replay viewer like a record', () => {
    savedUsGame();
    const c = controller();
    c.openRecordText(localStorage.getItem('brink.save')!, 'save.json');
    expect(c.ui.screen).toBe('viewer');
    expect(c.viewer!.total).toBe(1);
  });
});

describe('no screen without a way on', () => {
  it('a crisis room for a role the computer plays becomes the player’s own', () => {
    savedUsGame();
    const c = controller();
    c.continueGame();
    c.ui = { ...c.ui, role: 'ukraine' }; // however it came about
    c.notify(null);
    expect(c.ui).toMatchObject({ screen: 'crisis', role: 'us' });
  });

  it('a screen that needs a game, without one, is the title', () => {
    const c = controller();
    c.ui = { ...c.ui, screen: 'crisis' };
    c.notify(null);
    expect(c.ui.screen).toBe('title');
    c.ui = { ...c.ui, screen: 'viewer' };
    c.notify(null);
    expect(c.ui.screen).toBe('title');
  });
});

describe('games of an earlier scenario version', () => {
  const v110 = archivedScenario('ukraine-2021-1.1.0.json');
  const [fixture] = fixtureRecords('1.1.0');
  const oldGame = () => gameInProgress(v110, fixture!, 'us', 3);
  /** A controller once it has fetched the archive the game needed. */
  const opened = async (link: string | null = null) => {
    const c = new GameController(sc, () => 'title-seed', link);
    await vi.waitFor(() => expect(c.versions.earlier).not.toBeNull());
    await vi.waitFor(() => expect(c.ui.notice ?? '').not.toMatch(/^Fetching/));
    return c;
  };

  it('the test save is the one the game writes', () => {
    const session = oldGame();
    writeSave('us', session, { dyad: false, facilitator: false });
    expect(localStorage.getItem('brink.save')).toBe(saveText('us', session));
  });

  it('a 1.1.0 save is continued with 1.1.0, played to its end, and replays with it', async () => {
    localStorage.setItem('brink.save', saveText('us', oldGame()));
    const fresh = new GameController(sc, () => 'title-seed');
    expect(fresh.ui.notice).toMatch(/^Fetching the earlier version/);
    expect(fresh.savedGame).toBeNull();
    const c = await opened();
    expect(c.savedGame?.sc.scenario.version).toBe('1.1.0');
    expect(c.earlierVersion).toBe('1.1.0');
    expect(c.sc).toBe(sc); // the title's choices are for a new game
    c.continueGame();
    expect(c.ui).toMatchObject({ screen: 'crisis', role: 'us' });
    expect(c.ui.notice).toBe(
      `This game continues with version 1.1.0 of the scenario, the one it was started with: its rules stay as they were until it ends. New games use version ${sc.scenario.version}.`,
    );
    expect(c.sc).toBe(c.savedGame!.sc);
    for (let turn = 0; turn < 15 && c.state!.phase !== 'over'; turn++) {
      c.endTurn();
      c.afterResolution();
    }
    expect(c.ui.screen).toBe('debrief');
    const record = c.record()!;
    expect(record.scenario).toEqual(fixture!.scenario);
    const replayed = replay(v110, record);
    expect(replayed.ok && replayed.value.hash).toBe(record.finalHash);
    // Its share link is a 1.1.0 link too.
    const link = decodeRecord(v110, c.shareLink('https://example.org/')!);
    expect(link.ok && link.value.scenario.version).toBe('1.1.0');
    // A new game is played with the current version.
    c.backToTitle();
    c.newGame();
    expect(c.record()!.scenario.version).toBe(sc.scenario.version);
    expect(c.earlierVersion).toBeNull();
  });

  it('a new game waits until the saved game is opened, so it is not saved over it', async () => {
    const text = saveText('us', oldGame());
    localStorage.setItem('brink.save', text);
    const c = new GameController(sc, () => 'title-seed');
    c.newGame();
    expect(c.session).toBeNull();
    expect(c.ui.notice).toBe('A moment: a saved or shared game is still being opened.');
    expect(localStorage.getItem('brink.save')).toBe(text);
    await vi.waitFor(() => expect(c.savedGame?.sc.scenario.version).toBe('1.1.0'));
  });

  it('a save of a version no scenario here has is kept aside with a clear message', async () => {
    const record = { ...oldGame().record };
    record.scenario = { ...record.scenario, version: '9.9.9', hash: '0123456789abcdef' };
    const text = JSON.stringify({ role: 'us', dyad: false, facilitator: false, record });
    localStorage.setItem('brink.save', text);
    const c = await opened();
    expect(c.savedGame).toBeNull();
    expect(c.unopened.map((u) => u.text)).toEqual([text]);
    expect(c.ui.notice).toBe(
      `The saved game could not be opened. It was played with version 9.9.9 of the scenario "ukraine-2021" (content hash 0123456789abcdef), which this copy of Brink does not have: it has ${sc.scenario.version}, 1.1.0, 1.0.1, 1.0.0. It is kept, not deleted: download it or discard it on this screen. A new game can be started.`,
    );
  });

  it.each(['1.0.0', '1.1.0'])('a %s share link replays to its final hash', async (version) => {
    const [link] = fixtureLinks(version);
    const c = await opened(link!);
    expect(c.fromLink).not.toBeNull();
    expect(c.record()!.scenario.version).toBe(version);
    // Links made before 30 November 2026 carry the first definition's hash.
    const carried = c.session!.record.finalHash!;
    expect(hashStateV1(c.state!)).toBe(carried);
    expect(c.ui.notice).toContain(
      `It matches the hash in the link, ${carried}, as earlier versions of Brink computed it.`,
    );
    c.viewCurrentGame();
    expect(c.ui.screen).toBe('viewer');
    expect(c.viewer!.finalHash).toBe(hashState(c.state!));
    c.viewTurn(1);
    expect(c.viewer!.turns).toBe(1);
  });

  it('a 1.0.0 record file opens in the viewer with the archived version', async () => {
    const [record] = fixtureRecords('1.0.0');
    const c = new GameController(sc, () => 'title-seed');
    c.openRecordText(JSON.stringify(record), 'old.json');
    expect(c.ui.notice).toMatch(/^Fetching/);
    await vi.waitFor(() => expect(c.ui.screen).toBe('viewer'));
    expect(c.viewer!.sc.hashes).toContain(record!.scenario.hash);
    expect(hashStateV1(c.viewer!.state)).toBe(record!.finalHash);
    expect(c.ui.notice).toContain(
      `reaches the final hash the record carries, ${record!.finalHash}, as earlier versions of Brink computed it (this version's hash of the same game is ${c.viewer!.finalHash})`,
    );
    expect(c.sc).toBe(c.viewer!.sc);
  });
});
