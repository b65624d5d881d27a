// The game controller without a browser: continuing a saved game resumes it as it was played,
// whatever the title was set to, and no screen is ever left without a seat whose orders are due.
// localStorage is a small in-memory stand-in.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GameController } from '../../src/game/controller';
import { ukraine } from '../support/scenario';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

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
