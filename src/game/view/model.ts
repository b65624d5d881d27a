// What a screen shows and offers, as plain data: the Phaser scenes draw it on the canvas and the
// DOM layer renders it as real buttons and text for keyboards and screen readers. One source, two
// views, so the canvas and its accessible twin never disagree.
import type { GameController, Overlay, Screen } from '../controller';

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

/**
 * What every screen has: a title, the text as sections, the controls in groups. The DOM layer,
 * the keys and the text view read these alone; a scene that lays a screen out in its own way
 * reads that screen's own fields (the same controls), never a section or group found by its id.
 */
interface ScreenBase {
  title: string;
  subtitle: string;
  sections: Section[];
  groups: ControlGroup[];
}

/** The crisis room, as its scene lays it out. */
export interface CrisisModel extends ScreenBase {
  screen: 'crisis';
  /** The action cards, one group per track in the scenario's order. */
  tracks: ControlGroup[];
  endTurn: Control;
  /** The other orders' controls: the briefing, the meters, the title. */
  orders: Control[];
  /** The facilitator's clock and injects, in facilitator mode; `events` while injecting. */
  facilitator: { pause: Control; inject: Control; events: Control[] } | null;
  help: Control[];
  /** What the detail box shows when no card is under the cursor. */
  status: {
    lines: string[];
    intel: Section;
    /** The effects still to land, and the news latest first (each a line, or one saying none). */
    pending: string[];
    news: string[];
  };
  /** The open "Why did it move?" panel, worded as in the text. */
  why: Section | null;
}

/** A recorded game stepped through. */
export interface ViewerModel extends ScreenBase {
  screen: 'viewer';
  /** Previous, next, branch, close (the timeline is drawn by the scene). */
  step: Control[];
  help: Control[];
}

export interface PlainModel extends ScreenBase {
  screen: Exclude<Screen, 'crisis' | 'viewer'>;
}

/** A screen's own content, as its builder makes it (screens/*.ts). */
export type ScreenContent = CrisisModel | ViewerModel | PlainModel;

/** What every screen shows beside its content, from the UI state. */
export interface Surroundings {
  /** The latest notice, in the header. */
  notice: string | null;
  /** The glossary or the key map over the screen. */
  overlay: Overlay;
  /** The control under the keyboard cursor. */
  focus: string | null;
  /** The facilitator's turn clock ('' when none runs). */
  clock: string;
  /** Whether the text view covers the canvas. */
  textView: boolean;
}

/** A screen as it is shown: its content and its surroundings; the whole contract of a view. */
export type ScreenModel = ScreenContent & Surroundings;

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
