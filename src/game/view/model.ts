// What a screen shows and offers, as plain data: the Phaser scenes draw it on the canvas and the
// DOM layer renders it as real buttons and text for keyboards and screen readers. One source, two
// views, so the canvas and its accessible twin never disagree.
import type { GameController, Screen } from '../controller';

export interface Control {
  id: string;
  label: string;
  /** A shorter label for small canvas buttons; the DOM layer always uses `label`. */
  short?: string;
  /** Shown beside or under the label; read as the button's description. */
  detail?: string;
  /** A single-key shortcut, shown in the key map and on the button. */
  key?: string;
  disabled?: boolean;
  /** Why it is not available now, as a sentence (said when it is pressed anyway). */
  reason?: string;
  /** For toggles (selected actions, the chosen role). */
  pressed?: boolean;
  run: () => void;
}

export interface ControlGroup {
  id: string;
  heading: string;
  controls: Control[];
  /** Drawn on the canvas as one row of small buttons (short labels), not one button a line. */
  inline?: boolean;
}

export interface Section {
  id: string;
  heading: string;
  lines: string[];
}

export interface ScreenModel {
  screen: Screen;
  title: string;
  subtitle: string;
  sections: Section[];
  groups: ControlGroup[];
}

export function allControls(model: ScreenModel): Control[] {
  return model.groups.flatMap((g) => g.controls);
}

/**
 * Presses a control: the one way the canvas, the DOM layer and the keys use one. A control that
 * is not available says so, and why, instead of running. `focus` moves the cursor onto it first
 * (a pointer's press; a key's shortcut leaves the cursor where it is).
 */
export function press(c: GameController, control: Control, focus: boolean): void {
  if (focus) c.focusControl(control.id);
  if (control.disabled) c.notify(unavailable(control));
  else control.run();
}

/** "Impose the next prepared tier (3) is not available now. Locked: …" */
export function unavailable(control: Control): string {
  return `${control.label} is not available now.${control.reason ? ` ${control.reason}` : ''}`;
}
