// The running app, shared by the scenes: one controller, one screen model per change.
import type { GameController, Screen } from './controller';
import { buildScreen } from './view/screens';
import type { ScreenModel } from './view/model';

let controller: GameController | null = null;

export function setController(c: GameController): void {
  controller = c;
}

export function getController(): GameController {
  if (!controller) throw new Error('the game controller has not been created');
  return controller;
}

/** The screen model last built, and what it was built from. */
let built: {
  revision: number;
  ui: GameController['ui'];
  state: GameController['state'];
  model: ScreenModel;
  signature: string | null;
} | null = null;

/**
 * The screen model of the controller as it is now. It is built once per change (the canvas, the
 * DOM layer and the keys all ask for it) and kept while the controller has not changed: the same
 * revision, the same UI state and the same game state.
 */
export function currentModel(): ScreenModel {
  const c = getController();
  if (!built || built.revision !== c.revision || built.ui !== c.ui || built.state !== c.state)
    built = {
      revision: c.revision,
      ui: c.ui,
      state: c.state,
      model: buildScreen(c),
      signature: null,
    };
  return built.model;
}

/**
 * What the screen shows, as one text: the model and the parts of the UI state drawn beside it
 * (notice, overlay, the why panel, the text view). Equal texts look the same but for where the
 * keyboard cursor is. Worked out once per model.
 */
export function screenSignature(): string {
  const model = currentModel();
  const ui = getController().ui;
  built!.signature ??= JSON.stringify([model, ui.notice, ui.overlay, ui.why, ui.textView]);
  return built!.signature;
}

export const SCENE_KEYS: Record<Screen, string> = {
  title: 'Title',
  briefing: 'Briefing',
  crisis: 'Crisis',
  confirm: 'Pass',
  pass: 'Pass',
  resolution: 'Resolution',
  debrief: 'Debrief',
  viewer: 'Viewer',
};

/** Text scrolling on the canvas (Page Up / Page Down), in pages; the active scene listens. */
export const scrollRequests = new EventTarget();
