// The browser entry: loads the scenario through the core's validator, builds the controller and
// the DOM layer at once (so the text version works before Phaser has loaded), then starts Phaser
// from its own chunk.
import { formatFaults, LINK_KEY, type GameState } from '../sim';
import { ownScenario } from '../browser/own-scenario';
import { setController, currentModel, screenSignature, scrollRequests } from './app';
import { GameController } from './controller';
import { DomLayer } from './dom/layer';
import { installKeys } from './keys';
import type { CanvasControl, CanvasText } from './scenes/ScreenScene';
import { randomSeed } from '../browser/seed';
import { browserEffects } from './dom/effects';

export interface BrinkApi {
  state(): GameState | null;
  scene(): string;
  /** Every scene running now (one, but for a moment while one hands over to the next). */
  scenes(): string[];
  /** What the canvas is drawn with. */
  renderer(): 'webgl' | 'canvas';
  record(): unknown;
  hash(): string | null;
  screen(): string;
  shareLink(): string | null;
  /** The canvas buttons a pointer can press now, with where they are drawn (1600 × 1000). */
  controls(): CanvasControl[];
  /** The texts drawn on the canvas now, with their bounds and wrap widths. */
  texts(): CanvasText[];
}

declare global {
  interface Window {
    brink: BrinkApi;
  }
}

function fatal(message: string): void {
  const box = document.createElement('div');
  box.className = 'fatal';
  box.setAttribute('role', 'alert');
  const heading = document.createElement('h1');
  heading.textContent = 'Brink cannot start';
  const text = document.createElement('pre');
  text.textContent = message;
  box.append(heading, text);
  document.body.replaceChildren(box);
}

/** Game records open from the file picker or by dropping a file on the page. */
function installRecordLoading(controller: GameController): void {
  const open = (file: File | undefined) => {
    if (!file) return;
    if (file.size > 2_000_000) {
      controller.notify(`${file.name} is too large to be a game record.`);
      return;
    }
    file.text().then(
      (text) => controller.openRecordText(text, file.name),
      () => controller.notify(`${file.name} could not be read.`),
    );
  };
  const input = document.getElementById('record-file') as HTMLInputElement;
  input.addEventListener('change', () => {
    open(input.files?.[0]);
    input.value = '';
  });
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    open(event.dataTransfer?.files[0]);
  });
}

async function start(): Promise<void> {
  const loaded = ownScenario();
  if (!loaded.ok) {
    fatal(`The scenario is broken:\n${formatFaults(loaded.errors)}`);
    return;
  }
  const link = location.hash.includes(`${LINK_KEY}=`) ? location.hash : null;
  const controller = new GameController(loaded.value, randomSeed, link, browserEffects);
  setController(controller);
  const layer = new DomLayer(
    document.getElementById('dom-layer')!,
    document.getElementById('announcer')!,
    controller,
    currentModel,
    screenSignature,
  );
  const render = () => layer.render(currentModel());
  controller.subscribe(render);
  render();
  installKeys(controller, currentModel, (pages) =>
    scrollRequests.dispatchEvent(new CustomEvent('scroll', { detail: pages })),
  );

  installRecordLoading(controller);
  window.addEventListener('hashchange', () => {
    if (location.hash.includes(`${LINK_KEY}=`)) controller.openSharedLink(location.hash);
  });
  // The facilitator's turn clock: a UI timer only; the game state never sees the time.
  setInterval(() => controller.tick(), 1000);
  controller.onClock(() => {
    const clock = document.getElementById('clock');
    if (clock) clock.textContent = currentModel().clock;
  });

  const { canvasControls, canvasTexts, rendererName, startPhaser } = await import('./phaser-game');
  const game = startPhaser(document.getElementById('game')!);
  window.brink = {
    state: () =>
      controller.state ? (JSON.parse(JSON.stringify(controller.state)) as GameState) : null,
    scene: () => game.scene.getScenes(true)[0]?.scene.key ?? 'Boot',
    scenes: () => game.scene.getScenes(true).map((s) => s.scene.key),
    renderer: () => rendererName(game),
    record: () => controller.record(),
    hash: () => controller.hash(),
    screen: () => controller.ui.screen,
    shareLink: () => controller.shareLink(location.href),
    controls: () => canvasControls(game),
    texts: () => canvasTexts(game),
  };
}

start().catch((error: unknown) => fatal(error instanceof Error ? error.message : String(error)));
