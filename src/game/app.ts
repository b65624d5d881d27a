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

export function currentModel(): ScreenModel {
  return buildScreen(getController());
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
