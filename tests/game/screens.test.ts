// The screen models without a browser: what each screen offers, pressed the one way the canvas,
// the DOM layer and the keys press a control, with the page's effects (files, clipboard, fields)
// recorded by a stand-in page. localStorage is a small in-memory stand-in.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { currentModel, screenSignature, setController } from '../../src/game/app';
import { GameController, type PageEffects, type TextField } from '../../src/game/controller';
import { buildScreen } from '../../src/game/view/screens';
import { allControls, press, type Control, type ScreenModel } from '../../src/game/view/model';
import { hashState, parseRecord, replay } from '../../src/sim';
import { MemoryStorage } from '../support/memory-storage';
import { ukraine } from '../support/scenario';

/** A page that records what the game asked of it. */
class StandInPage implements PageEffects {
  downloads: { name: string; text: string }[] = [];
  copied: string[] = [];
  fields: TextField[] = [];
  pickers = 0;
  clipboard = true;
  download(name: string, text: string): void {
    this.downloads.push({ name, text });
  }
  copy(text: string): Promise<void> {
    if (!this.clipboard) return Promise.reject(new Error('denied'));
    this.copied.push(text);
    return Promise.resolve();
  }
  pickRecordFile(): void {
    this.pickers++;
  }
  focusField(id: TextField): void {
    this.fields.push(id);
  }
  address(): string {
    return 'https://example.org/brink/';
  }
}

const sc = ukraine();
let seeds = 0;
let page: StandInPage;

function game(): GameController {
  page = new StandInPage();
  return new GameController(sc, () => `seed-${++seeds}`, null, page);
}

function control(model: ScreenModel, id: string): Control {
  const found = allControls(model).find((c) => c.id === id);
  if (!found) throw new Error(`no control ${id} on the ${model.screen} screen`);
  return found;
}

const pressId = (c: GameController, id: string) => press(c, control(buildScreen(c), id), true);

/** Ends turns without orders until the game is over. */
function playToTheEnd(c: GameController): void {
  for (let turn = 0; c.state?.phase !== 'over' && turn < 30; turn++) {
    c.endTurn();
    c.afterResolution();
  }
  expect(c.ui.screen).toBe('debrief');
}

beforeEach(() => {
  vi.stubGlobal('localStorage', new MemoryStorage());
});

describe('the screens, pressed as a player would', () => {
  it('every screen of a whole game names each control once, and each has a label', () => {
    const c = game();
    const seen = new Set<string>();
    const check = () => {
      const model = buildScreen(c);
      seen.add(model.screen);
      const ids = allControls(model).map((x) => x.id);
      expect(new Set(ids).size, `${model.screen}: ${ids.join(', ')}`).toBe(ids.length);
      for (const x of allControls(model)) expect(x.label.trim(), x.id).not.toBe('');
    };
    check();
    pressId(c, 'new-game');
    check();
    c.beginCrisis();
    check();
    c.endTurn();
    check();
    c.afterResolution();
    playToTheEnd(c);
    check();
    c.viewCurrentGame();
    check();
    expect([...seen].sort()).toEqual([
      'briefing',
      'crisis',
      'debrief',
      'resolution',
      'title',
      'viewer',
    ]);
  });

  it('a new random seed comes from the seeds the page gives', () => {
    const c = game();
    const before = c.ui.seed;
    pressId(c, 'new-seed');
    expect(c.ui.seed).not.toBe(before);
    expect(c.ui.seed).toMatch(/^seed-\d+$/);
  });

  it('a card too dear for the capital left says why and is not chosen', () => {
    const c = game();
    c.newGame();
    c.beginCrisis();
    const capital = c.state!.capital[c.ui.role]!;
    const cards = () =>
      allControls(buildScreen(c)).filter((x) => x.id.startsWith('action-') && !x.disabled);
    // Choose the dearest open cards until one can no longer be afforded.
    let tooDear: Control | undefined;
    for (let i = 0; i < 10 && !tooDear; i++) {
      const open = cards().sort((a, b) => costOf(b) - costOf(a));
      if (open.length === 0) break;
      press(c, open[0]!, true);
      tooDear = allControls(buildScreen(c)).find(
        (x) => x.disabled && x.reason?.startsWith('It costs'),
      );
    }
    expect(tooDear, `no card became too dear with ${capital} capital`).toBeDefined();
    const draft = [...c.ui.draft];
    press(c, tooDear!, true);
    expect(c.ui.draft).toEqual(draft);
    expect(c.ui.notice).toBe(`${tooDear!.label} is not available now. ${tooDear!.reason}`);
    expect(c.ui.notice).toMatch(/It costs \d+ political capital and \d+ is left this turn\./);
  });

  it('a locked card says what locks it, on the canvas, the DOM layer and the keys alike', () => {
    const c = game();
    c.newGame();
    c.beginCrisis();
    const locked = allControls(buildScreen(c)).find((x) => x.reason?.startsWith('Locked:'));
    expect(locked, 'a card locked at the start').toBeDefined();
    expect(locked!.detail).toContain(locked!.reason);
    press(c, locked!, false);
    expect(c.ui.notice).toBe(`${locked!.label} is not available now. ${locked!.reason}`);
    expect(c.ui.draft).not.toContain(locked!.id.slice('action-'.length));
  });

  it("the debrief's download saves the record, which replays to the game's hash", () => {
    const c = game();
    c.newGame();
    c.beginCrisis();
    playToTheEnd(c);
    pressId(c, 'download');
    expect(page.downloads).toHaveLength(1);
    const { name, text } = page.downloads[0]!;
    expect(name).toBe(`brink-${sc.scenario.id}-${c.ui.seed}.json`);
    const parsed = parseRecord(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const replayed = replay(sc, parsed.value);
    expect(replayed.ok && replayed.value.hash).toBe(hashState(c.state!));
    expect(c.ui.notice).toBe('The game record has been downloaded.');
  });

  it('the share link is copied, or shown to copy by hand when the page may not', async () => {
    const c = game();
    c.newGame();
    c.beginCrisis();
    playToTheEnd(c);
    pressId(c, 'share');
    await vi.waitFor(() => expect(c.ui.notice).toMatch(/^Share link copied/));
    expect(page.copied).toHaveLength(1);
    expect(page.copied[0]).toMatch(/^https:\/\/example\.org\/brink\/#/);
    expect(c.ui.notice).toContain(c.hash()!);

    page.clipboard = false;
    pressId(c, 'share');
    await vi.waitFor(() => expect(c.ui.notice).toBe(`Copy this share link: ${page.copied[0]}`));
  });

  it('opening a record and joining a class ask the page for its picker and its field', () => {
    const c = game();
    pressId(c, 'open-record');
    pressId(c, 'join');
    expect(page.pickers).toBe(1);
    expect(page.fields).toEqual(['class-code-input']);
  });
});

describe("the crisis room's own fields", () => {
  it('hold the very controls of its groups: the cards by track, the orders, the help', () => {
    const c = game();
    c.newGame();
    c.beginCrisis();
    const model = buildScreen(c);
    if (model.screen !== 'crisis') throw new Error(model.screen);
    const ids = (controls: Control[]) => controls.map((x) => x.id);
    expect(model.tracks.map((t) => t.heading)).toEqual(
      (['diplomacy', 'sanctions', 'deterrence'] as const).map(
        (t) => sc.scenario.presentation!.tracks[t],
      ),
    );
    expect(ids(model.tracks.flatMap((t) => t.controls))).toEqual(
      ids(model.groups.filter((g) => g.id.startsWith('track-')).flatMap((g) => g.controls)),
    );
    expect(model.tracks.flatMap((t) => t.controls)).toHaveLength(
      sc.scenario.actions.filter((a) => a.role === c.ui.role).length,
    );
    expect(model.endTurn.id).toBe('end-turn');
    expect(ids([model.endTurn, ...model.orders])).toEqual(
      ids(model.groups.find((g) => g.id === 'turn')!.controls),
    );
    expect(ids(model.help)).toEqual(['glossary', 'keys', 'text-view']);
    expect(model.facilitator).toBeNull();
    expect(model.status.intel.lines.length).toBeGreaterThan(0);
  });

  it("the facilitator's events to inject appear while injecting", () => {
    const c = game();
    c.toggleFacilitator();
    c.newGame();
    c.beginCrisis();
    const before = buildScreen(c);
    if (before.screen !== 'crisis') throw new Error(before.screen);
    expect(before.facilitator?.events).toEqual([]);
    press(c, before.facilitator!.inject, true);
    const after = buildScreen(c);
    if (after.screen !== 'crisis') throw new Error(after.screen);
    expect(after.facilitator!.events.length).toBeGreaterThan(0);
    expect(after.facilitator!.events.every((e) => e.label.startsWith('Inject: '))).toBe(true);
  });

  it("the why panel on the canvas is the text view's section, word for word", () => {
    const c = game();
    c.newGame();
    c.beginCrisis();
    c.endTurn();
    c.afterResolution();
    const tension = sc.scenario.mechanics.tension;
    pressId(c, `why-${tension}`);
    const model = buildScreen(c);
    if (model.screen !== 'crisis') throw new Error(model.screen);
    expect(model.why).toBe(model.sections[0]);
    expect(model.why!.heading).toMatch(/^Why did .+ move on turn 1\? .+ → .+$/);
    for (const line of model.why!.lines)
      expect(line).toMatch(/^(▲ \+\d+|▼ -\d+): .+|^It did not move/);
  });
});

describe("a screen's surroundings", () => {
  it('are in its model: the notice, the overlay, the cursor, the clock and the text view', () => {
    const c = game();
    expect(buildScreen(c)).toMatchObject({ notice: null, overlay: null, focus: null, clock: '' });
    c.toggleFacilitator();
    c.setTimer(3);
    c.newGame();
    c.beginCrisis();
    pressId(c, 'glossary');
    c.notify('A notice.');
    c.toggleTextView();
    expect(buildScreen(c)).toMatchObject({
      screen: 'crisis',
      notice: 'A notice.',
      overlay: 'glossary',
      focus: 'glossary',
      clock: 'Time left this turn: 3:00 (paused)',
      textView: true,
    });
  });
});

describe('the screen model of the page', () => {
  it('is built once per change and kept while nothing changes', () => {
    const c = game();
    setController(c);
    const first = currentModel();
    expect(currentModel()).toBe(first);
    const signature = screenSignature();
    c.focusControl('new-game');
    const moved = currentModel();
    expect(moved).not.toBe(first);
    // A move of the cursor alone draws the same screen.
    expect(screenSignature()).toBe(signature);
    c.toggleHotSeat();
    expect(screenSignature()).not.toBe(signature);
  });
});

function costOf(card: Control): number {
  return Number(/\((\d+)\)$/.exec(card.label)?.[1] ?? 0);
}
