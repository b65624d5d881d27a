// A monkey plays: whole games by clicking visible, enabled controls at random — canvas buttons
// with the mouse, or the text view's buttons when it is on — with reloads now and then and the
// title's choices (roles, hot seat, dyad, facilitator, text view, overlays…) in whatever order
// the dice give. Each click is chosen by a seeded generator, so a failure replays exactly. It must
// reach the debrief, and no screen may ever be left without an enabled control to click.
import { expect, test, type Page } from '@playwright/test';
import { SCENES, typeSeed, waitForScreen, waitReady } from './support';

/**
 * Clicks that lead on, preferred half the time so that a game ends within the bound (on the
 * title, less often: its choices are what is being tried).
 */
const FORWARD = [
  'new-game',
  'continue',
  'begin',
  'end-turn',
  'confirm',
  'take-seat',
  'close-overlay',
  'close-why',
  'dialog-close',
];
/**
 * Never clicked: a new random seed (drawn from the browser's own randomness, so the game would
 * not replay), "Luck or choice" (a thousand games in workers: minutes on this machine), and the
 * live class's two buttons, which leave the game for the live-class page (live-class.spec.ts).
 */
const SKIP = ['new-seed', 'luck', 'host-live', 'join-live'];
const MAX_CLICKS = 320;
/** Random clicks after the debrief is reached: its controls, the viewer, branching. */
const AFTER_DEBRIEF = 12;
const RELOAD_CHANCE = 0.02;

/** A small seeded generator (mulberry32) over a string's hash. */
function generator(seed: string): () => number {
  let a = [...seed].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619), 2166136261);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Look {
  screen: string;
  textView: boolean;
  /** The enabled controls a click can reach now, by id. */
  ids: string[];
  /** Where the chosen one is, in page pixels. */
  chosen: { id: string; x: number; y: number } | null;
}

/**
 * In one round trip (the page answers slowly while the canvas renders): waits until the canvas
 * shows the controller's screen, lists the enabled controls a click can reach, and picks one with
 * the two random numbers given.
 */
async function look(page: Page, pick: number, bias: number): Promise<Look> {
  return page.evaluate(
    async ({ pick, bias, forward, skip, scenes }) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      // A click is handled at once; a new screen's scene starts on the canvas's next frames.
      const screen = () => window.brink.screen() as keyof typeof scenes;
      for (let i = 0; i < 200 && window.brink.scene() !== scenes[screen()]; i++) await frame();
      const layer = document.getElementById('dom-layer')!;
      const textView = layer.classList.contains('visible');
      let options: { id: string; at: () => { x: number; y: number } | null }[];
      if (textView) {
        const buttons = [...layer.querySelectorAll<HTMLButtonElement>('button')].filter(
          (b) => b.getAttribute('aria-disabled') !== 'true',
        );
        options = buttons.map((b) => ({
          id: b.dataset.control ?? (b.closest('[role="dialog"]') ? 'dialog-close' : b.textContent!),
          at: () => {
            b.scrollIntoView({ block: 'center' });
            const box = b.getBoundingClientRect();
            const x = box.x + box.width / 2;
            const y = box.y + box.height / 2;
            const hit = document.elementFromPoint(x, y);
            return hit && b.contains(hit) ? { x, y } : null;
          },
        }));
      } else {
        const box = document.querySelector('#game canvas')!.getBoundingClientRect();
        const scale = box.width / 1600;
        options = window.brink
          .controls()
          .filter((c) => !c.disabled)
          .map((c) => ({
            id: c.id,
            at: () => ({
              x: box.x + (c.x + c.w / 2) * scale,
              y: box.y + (c.y + c.h / 2) * scale,
            }),
          }));
      }
      const ids = options.map((o) => o.id);
      const usable = options.filter((o) => !skip.includes(o.id));
      const ahead = usable.filter((o) => forward.includes(o.id));
      // On the title the dice mostly try its choices before a game starts or continues.
      const lead = window.brink.screen() === 'title' ? 0.15 : 0.5;
      const from = bias < lead && ahead.length > 0 ? ahead : usable;
      const option = from[Math.floor(pick * from.length)];
      const at = option?.at() ?? null;
      return {
        screen: window.brink.screen(),
        textView,
        ids,
        chosen: option && at ? { id: option.id, ...at } : null,
      };
    },
    { pick, bias, forward: FORWARD, skip: SKIP, scenes: SCENES },
  );
}

async function load(page: Page, seed: string, reload: boolean): Promise<void> {
  if (reload) await page.reload();
  else await page.goto('/');
  await waitReady(page);
  await waitForScreen(page, 'title');
  // Every page load draws a fresh random seed for a new game: set the monkey's own.
  await typeSeed(page, seed);
}

for (const seed of ['monkey-1', 'monkey-2', 'monkey-3']) {
  test(`a game played by random clicks reaches the debrief (${seed})`, async ({ page }) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const random = generator(seed);
    await load(page, seed, false);
    const trail: string[] = [];
    let debriefAt: number | null = null;
    for (let click = 0; click < MAX_CLICKS; click++) {
      if (debriefAt !== null && click >= debriefAt + AFTER_DEBRIEF) break;
      if (random() < RELOAD_CHANCE) {
        trail.push('(reload)');
        await load(page, seed, true);
        continue;
      }
      const now = await look(page, random(), random());
      const where = `${now.screen}${now.textView ? ' (text view)' : ''}`;
      expect(
        now.chosen,
        `click ${click}: no enabled control to click on ${where} (${now.ids.join(', ')}); trail: ${trail.slice(-15).join(' → ')}`,
      ).not.toBeNull();
      trail.push(`${where}: ${now.chosen!.id}`);
      if (now.screen === 'debrief' && debriefAt === null) debriefAt = click;
      await page.mouse.click(now.chosen!.x, now.chosen!.y);
    }
    expect(
      debriefAt,
      `the debrief within ${MAX_CLICKS} clicks; trail: ${trail.slice(-20).join(' → ')}`,
    ).not.toBeNull();
    expect(errors).toEqual([]);
    console.log(`${seed}: debrief after ${debriefAt} clicks, ${trail.length} steps`);
  });
}
