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
 * What the screen shows but for the keyboard cursor, as one text: equal texts look the same but
 * for where the cursor is. Worked out once per model.
 */
export function screenSignature(): string {
  const model = currentModel();
  built!.signature ??= JSON.stringify({ ...model, focus: null });
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
