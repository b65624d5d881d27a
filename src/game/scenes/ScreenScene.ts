// The common frame of every screen after boot: header, notice, a scrollable text column drawn
// from the screen model's sections, the model's controls as canvas buttons with a keyboard cursor,
// and the glossary and key-map overlays. Each screen's scene adds its own pictures.
import Phaser from 'phaser';
import { currentModel, getController, SCENE_KEYS, screenSignature, scrollRequests } from '../app';
import { keyRows } from '../dom/layer';
import { css, PALETTE } from '../palette';
import { press, type Control, type ScreenModel } from '../view/model';
import { textLook } from './frames';

export const WIDTH = 1600;
export const HEIGHT = 1000;
/**
 * The header: the title and subtitle on the left; on the right the key hint and, under it, the
 * notice (at most two lines, clear of the title's line). Every screen's pictures start below it.
 */
const NOTICE: Rect = { x: 860, y: 66, w: 700, h: 48 };
export const HEADER_BOTTOM = NOTICE.y + NOTICE.h + 2;
/** Where the text column is laid out, out of the main camera's sight. */
const OFFSTAGE = 20000;
const FONT = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A text drawn on the canvas now: where, how large, the width it wraps at, and the named group it
 * belongs to ('text-column' for the scrolling column, whose x is within the column) — for tests.
 */
export interface CanvasText extends Rect {
  text: string;
  wrap: number | null;
  group: string;
  /** Whether a fixed width cuts the text off (it is wider than the box it is drawn in). */
  cut: boolean;
}

/** A button a pointer can press on the canvas now, and where it is drawn (for the e2e tests). */
export interface CanvasControl extends Rect {
  id: string;
  label: string;
  disabled: boolean;
}

/**
 * The style of every text on the canvas. Wrapped text breaks words longer than a line (Phaser's
 * "advanced" wrap), so a seed or a reason with no spaces is never cut off at the edge.
 */
export function textStyle(
  size: number,
  colour: number = PALETTE.text,
  extra: Phaser.Types.GameObjects.Text.TextStyle = {},
) {
  const wordWrap = extra.wordWrap && { ...extra.wordWrap, useAdvancedWrap: true };
  const style = {
    fontFamily: FONT,
    fontSize: `${size}px`,
    color: css(colour),
    ...extra,
    ...(wordWrap ? { wordWrap } : {}),
  };
  const metrics = fontMetrics(
    [style.fontStyle ?? '', style.fontSize, style.fontFamily].join(' ').trim(),
  );
  return metrics ? { ...style, metrics } : style;
}

/** The string Phaser measures a font's height with (TextStyle's testString, as Phaser writes it). */
const TEST_STRING = '|M\u00c3\u2030qgy';
const METRICS = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics | null>();

/**
 * A font's ascent and descent as Phaser measures them (MeasureText, where the browser gives a
 * text's bounding box), once per font: Phaser otherwise takes a canvas from its pool, sets the
 * font and measures for every text it makes, and a screen makes a hundred. Null where the browser
 * gives no bounding box (Phaser then measures by pixels itself).
 */
function fontMetrics(font: string): Phaser.Types.GameObjects.Text.TextMetrics | null {
  let metrics = METRICS.get(font);
  if (metrics === undefined) {
    const context = document.createElement('canvas').getContext('2d');
    metrics = null;
    if (context) {
      context.font = font;
      const measured = context.measureText(TEST_STRING);
      if ('actualBoundingBoxAscent' in measured) {
        const ascent = measured.actualBoundingBoxAscent;
        const descent = measured.actualBoundingBoxDescent;
        metrics = { ascent, descent, fontSize: ascent + descent };
      }
    }
    METRICS.set(font, metrics);
  }
  return metrics;
}

/**
 * Shortens a wrapped text to the lines that fit in `height`, the last one ending in "…" (the text
 * view and screen readers have the whole of it). Returns the text.
 */
export function fitToHeight(
  text: Phaser.GameObjects.Text,
  height: number,
): Phaser.GameObjects.Text {
  let lines = text.getWrappedText();
  while (text.height > height && lines.length > 1) {
    lines = lines.slice(0, -1);
    const last = lines.length - 1;
    lines[last] = `${lines[last]!.replace(/\s*\S{0,2}$/, '')}…`;
    text.setText(lines.join('\n'));
  }
  return text;
}

/** How each text of the screens was made, and how it looked then (see ScreenScene.text). */
const madeAs = new WeakMap<Phaser.GameObjects.Text, { how: string; look: string }>();

export abstract class ScreenScene extends Phaser.Scene {
  protected model!: ScreenModel;
  private layer: Phaser.GameObjects.Container | null = null;
  private textPanel: Phaser.GameObjects.Container | null = null;
  private textCamera: Phaser.Cameras.Scene2D.Camera | null = null;
  private textRect: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private textHeight = 0;
  private scrollY = 0;
  /** Whether the next drawing is the scene's first (its texts are all new: see drawText). */
  private firstDrawing = true;
  private unsubscribe: (() => void) | null = null;
  private signature = '';
  private drawnFocus: string | null = null;
  private readonly buttons = new Map<
    string,
    { box: Phaser.GameObjects.Rectangle; control: Control }
  >();
  /** The buttons of the open overlay: the only ones a pointer can reach while it is open. */
  private readonly overlayButtons = new Set<string>();
  /** The last drawing's texts that still look as they were made, by how they were made. */
  private readonly spareTexts = new Map<string, Phaser.GameObjects.Text[]>();

  /** Where the text column goes; scenes with pictures make it smaller. */
  protected textArea(): Rect {
    return { x: 40, y: 120, w: 980, h: 850 };
  }

  /** Where the controls go. */
  protected controlsArea(): Rect {
    return { x: 1060, y: 120, w: 500, h: 850 };
  }

  /** The height of a control's button in the controls column. */
  protected rowHeight(): number {
    return 36;
  }

  /** Draws the scene's own pictures into `layer` (maps, meters, charts). */
  protected drawPictures(_layer: Phaser.GameObjects.Container): void {}

  /**
   * Whether a first drawing of the screen may leave its pictures to the next frame (a screen
   * opened by a key whose frame would otherwise be long: the resolution's meters).
   */
  protected picturesMayWait(): boolean {
    return false;
  }

  /** Scenes that keep pictures between redraws hide them while the text view covers the canvas. */
  protected cover(_covered: boolean): void {}

  create(): void {
    // The canvas is cleared to the background colour (the game's backgroundColor) before every
    // frame; a camera background would paint the same colour again over the whole canvas, a
    // cost of its own on every frame where WebGL runs on the CPU.
    // The screen moved on while this scene was starting (keys pressed faster than a scene
    // starts, or while a map loaded): hand over to the screen's own scene, so one scene is on.
    if (this.handOver()) return;
    this.firstDrawing = true;
    const controller = getController();
    this.unsubscribe = controller.subscribe(() => this.onChange());
    const onScroll = (e: Event) => this.scrollText((e as CustomEvent<number>).detail);
    scrollRequests.addEventListener('scroll', onScroll);
    this.input.on('wheel', (_p: unknown, _o: unknown, _dx: number, dy: number) =>
      this.scrollText(dy / 400),
    );
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.textCamera = null;
      this.unsubscribe?.();
      scrollRequests.removeEventListener('scroll', onScroll);
    });
    this.redraw();
  }

  /** Starts the scene of the controller's screen if it is not this one; says whether it did. */
  protected handOver(): boolean {
    const key = SCENE_KEYS[getController().ui.screen];
    if (key === this.scene.key) return false;
    this.scene.start(key);
    return true;
  }

  private onChange(): void {
    if (this.handOver()) return;
    // A move of the keyboard cursor only restrokes two buttons; anything else redraws the screen.
    const signature = screenSignature();
    const focus = currentModel().focus;
    if (signature === this.signature && focus !== this.drawnFocus) {
      this.moveCursor(focus);
      return;
    }
    this.redraw();
  }

  private moveCursor(to: string | null): void {
    const from = this.drawnFocus ? this.buttons.get(this.drawnFocus) : undefined;
    from?.box.setStrokeStyle(1, PALETTE.border);
    const next = to ? this.buttons.get(to) : undefined;
    next?.box.setStrokeStyle(3, PALETTE.yellow);
    if (next?.control.detail) this.showDetail(next.control);
    this.drawnFocus = to;
  }

  protected redraw(): void {
    this.model = currentModel();
    this.signature = screenSignature();
    this.drawnFocus = this.model.focus;
    this.buttons.clear();
    this.overlayButtons.clear();
    // With the text view over the canvas, clicks belong to it alone.
    this.input.enabled = !this.model.textView;
    for (const old of [this.layer, this.textPanel]) {
      if (old) this.keepSpareTexts(old);
      old?.destroy();
    }
    this.textPanel = null;
    const layer = this.add.container(0, 0);
    this.layer = layer;
    // Nothing on the canvas can be seen under the text view: draw nothing there, so the page
    // answers faster; the screen is drawn again when the text view closes.
    this.cover(this.model.textView);
    if (this.model.textView) {
      this.textCamera?.setVisible(false);
    } else {
      this.drawHeader(layer);
      if (this.firstDrawing && this.picturesMayWait()) this.drawPicturesLater(layer);
      else this.drawPictures(layer);
      this.drawText();
      this.drawControls(layer);
      this.drawNotice(layer);
      this.drawOverlay(layer);
      this.textCamera?.ignore(layer);
    }
    for (const texts of this.spareTexts.values()) for (const text of texts) text.destroy();
    this.spareTexts.clear();
    this.firstDrawing = false;
    // Phaser makes new buttons pressable (and forgets the old ones) only at its next step: a
    // click before it (the text view just closed, a screen just drawn) would reach nothing.
    (this.input as unknown as { preUpdate(): void }).preUpdate();
  }

  /**
   * A text as `this.add.text` makes it. Drawing a screen again makes most of its texts again as
   * they were: one of the last drawing made the same way, and not changed since, is used again
   * (moved where it is asked for), so its letters are not laid out and uploaded again.
   */
  protected text(
    x: number,
    y: number,
    content: string,
    style: Phaser.Types.GameObjects.Text.TextStyle,
  ): Phaser.GameObjects.Text {
    const how = JSON.stringify([content, style]);
    const spare = this.spareTexts.get(how)?.pop();
    if (spare) {
      spare.cameraFilter = 0;
      return spare
        .setPosition(x, y)
        .setOrigin(0, 0)
        .setScale(1)
        .setAngle(0)
        .setAlpha(1)
        .setDepth(0)
        .setVisible(true)
        .setName('');
    }
    const made = this.add.text(x, y, content, style);
    madeAs.set(made, { how, look: textLook(made) });
    return made;
  }

  /** Takes out of `container` (and those in it) the texts that still look as they were made. */
  private keepSpareTexts(container: Phaser.GameObjects.Container): void {
    for (const object of [...container.list]) {
      if (object instanceof Phaser.GameObjects.Container) this.keepSpareTexts(object);
      if (!(object instanceof Phaser.GameObjects.Text)) continue;
      const made = madeAs.get(object);
      if (!made || textLook(object) !== made.look) continue;
      container.remove(object);
      const same = this.spareTexts.get(made.how);
      if (same) same.push(object);
      else this.spareTexts.set(made.how, [object]);
    }
  }

  private drawHeader(layer: Phaser.GameObjects.Container): void {
    layer.add(
      this.text(40, 24, this.model.title, textStyle(34, PALETTE.text, { fontStyle: 'bold' })),
    );
    // Wrapped short of the notice's column, however long a seed in it is.
    const subtitle = textStyle(18, PALETTE.muted, { wordWrap: { width: NOTICE.x - 60 } });
    layer.add(fitToHeight(this.text(40, 72, this.model.subtitle, subtitle), 44));
    layer.add(
      this.add
        .text(WIDTH - 40, 30, 'Keys: ?   Glossary: G   Text view: T', textStyle(16, PALETTE.muted))
        .setOrigin(1, 0),
    );
  }

  /**
   * The latest notice, in its own place in the header (screen readers hear it too). A longer one
   * is shortened here with "…"; the text view shows it whole.
   */
  private drawNotice(layer: Phaser.GameObjects.Container): void {
    const notice = this.model.notice;
    if (!notice) return;
    const style = textStyle(15, PALETTE.yellow, {
      wordWrap: { width: NOTICE.w - 16 },
      align: 'right',
      backgroundColor: '#101820',
      padding: { x: 8, y: 4 },
    });
    const text = this.text(NOTICE.x + NOTICE.w, NOTICE.y, notice, style).setOrigin(1, 0);
    layer.add(fitToHeight(text, NOTICE.h));
  }

  /** The sections as one scrollable column of text, seen through a camera of its own (a clip). */
  private drawText(): void {
    const area = this.textArea();
    this.textRect = area;
    if (area.w <= 0 || area.h <= 0) return;
    const panel = this.add.container(OFFSTAGE, 0).setName('text-column');
    const wrap = { width: area.w - 16 };
    const heading = textStyle(21, PALETTE.sky, { fontStyle: 'bold', wordWrap: wrap });
    const body = textStyle(17, PALETTE.text, { wordWrap: wrap, lineSpacing: 3 });
    // Each text of the column, with the space below it.
    const pieces = this.model.sections.flatMap((section) => [
      { content: section.heading, style: heading, below: section.lines.length === 0 ? 6 + 14 : 6 },
      ...section.lines.map((line, i) => ({
        content: line,
        style: body,
        below: i === section.lines.length - 1 ? 6 + 14 : 6,
      })),
    ]);
    let y = 0;
    let made = 0;
    const place = () => {
      const piece = pieces[made++]!;
      const text = this.text(0, y, piece.content, piece.style);
      panel.add(text);
      y += text.height + piece.below;
    };
    // A screen's first drawing makes every text anew (the frame that ends a turn and opens the
    // resolution is the page's longest): the texts below the fold are made on the next frame.
    const fold = this.firstDrawing ? this.scrollY + area.h : Infinity;
    while (made < pieces.length && y <= fold) place();
    this.textPanel = panel;
    this.cameras.main.ignore(panel);
    if (!this.textCamera) this.textCamera = this.cameras.add(area.x, area.y, area.w, area.h);
    this.textCamera.setViewport(area.x, area.y, area.w, area.h).setScroll(OFFSTAGE, this.scrollY);
    this.textCamera.setVisible(this.model.overlay === null);
    const finish = () => {
      this.textHeight = y;
      this.scrollY = Math.min(this.scrollY, Math.max(0, y - area.h));
      this.textCamera?.setScroll(OFFSTAGE, this.scrollY);
      this.drawScrollTrack(area, y);
    };
    if (made === pieces.length) {
      finish();
      return;
    }
    this.textHeight = y;
    this.time.delayedCall(0, () => {
      // Drawn again since (or gone): that drawing made its own.
      if (this.textPanel !== panel) return;
      while (made < pieces.length) place();
      finish();
    });
  }

  /** Draws the pictures on the next frame, in their place under what is drawn after them now. */
  private drawPicturesLater(layer: Phaser.GameObjects.Container): void {
    const at = layer.length;
    this.time.delayedCall(0, () => {
      // Drawn again since (or gone): that drawing drew its own.
      if (this.layer !== layer) return;
      const before = layer.length;
      this.drawPictures(layer);
      layer.list.slice(before).forEach((made, i) => layer.moveTo(made, at + i));
    });
  }

  /** The scroll bar beside a text column taller than its area. */
  private drawScrollTrack(area: Rect, height: number): void {
    if (height <= area.h) return;
    const track = this.add
      .rectangle(area.x + area.w + 4, area.y, 4, area.h, PALETTE.panelLight)
      .setOrigin(0, 0);
    const thumbH = Math.max(30, (area.h * area.h) / height);
    const thumbY = area.y + ((area.h - thumbH) * this.scrollY) / (height - area.h);
    const thumb = this.add
      .rectangle(area.x + area.w + 4, thumbY, 4, thumbH, PALETTE.muted)
      .setOrigin(0, 0);
    this.layer?.add([track, thumb]);
  }

  scrollText(pages: number): void {
    const max = Math.max(0, this.textHeight - this.textRect.h);
    const next = Math.max(0, Math.min(max, this.scrollY + pages * this.textRect.h * 0.8));
    if (next === this.scrollY) return;
    this.scrollY = next;
    this.redraw();
  }

  /**
   * Controls as a list of canvas buttons, grouped, with the keyboard cursor drawn on one. When
   * they would run past the column's foot (the title with a saved game and every classroom
   * choice), headings, rows and gaps are drawn closer and smaller so that every one is on it.
   */
  protected drawControls(layer: Phaser.GameObjects.Container): void {
    const area = this.controlsArea();
    const groups = this.model.groups;
    const row = this.rowHeight();
    const inline = groups.filter((g) => g.inline).length;
    const listed = groups.reduce((n, g) => n + (g.inline ? 0 : g.controls.length), 0);
    const rows = inline + listed;
    const fits = (gap: number) =>
      (area.h - listed * gap - inline * 6) / (groups.length * (30 + 10) + rows * row);
    // Headings, group gaps and rows scale by k; the gap under each row narrows to 3 pixels.
    const gap = fits(6) < 1 ? 3 : 6;
    const k = Math.min(1, fits(gap));
    const rowH = Math.floor(row * k);
    const font = Math.max(12, Math.round(17 * Math.min(1, k * 1.1)));
    let y = area.y;
    for (const group of groups) {
      const style = textStyle(Math.max(14, Math.round(19 * k)), PALETTE.sky, { fontStyle: 'bold' });
      layer.add(this.text(area.x, y, group.heading, style));
      y += Math.floor(30 * k);
      if (group.inline) {
        const at = { x: area.x, y, w: area.w, h: rowH };
        y += this.drawRow(layer, group.controls, at, Math.min(15, font));
      } else {
        for (const control of group.controls)
          y += this.drawButton(layer, control, { x: area.x, y, w: area.w, h: rowH }, font) + gap;
      }
      y += Math.floor(10 * k);
    }
  }

  /** Small buttons side by side across `at` (their short labels). Returns the height used. */
  protected drawRow(
    layer: Phaser.GameObjects.Container,
    controls: Control[],
    at: Rect,
    fontSize = 15,
  ): number {
    const gap = 6;
    const w = (at.w - gap * (controls.length - 1)) / controls.length;
    controls.forEach((control, i) =>
      this.drawButton(layer, control, { x: at.x + i * (w + gap), y: at.y, w, h: at.h }, fontSize),
    );
    return at.h + gap;
  }

  /** One canvas button: state shown by words and marks as well as colour. Returns its height. */
  protected drawButton(
    layer: Phaser.GameObjects.Container,
    control: Control,
    at: Rect,
    fontSize = 17,
  ): number {
    const focused = this.model.focus === control.id;
    const fill = control.pressed
      ? PALETTE.blue
      : control.disabled
        ? PALETTE.panel
        : PALETTE.panelLight;
    const box = this.add.rectangle(at.x, at.y, at.w, at.h, fill).setOrigin(0, 0);
    box.setStrokeStyle(focused ? 3 : 1, focused ? PALETTE.yellow : PALETTE.border);
    const mark = control.pressed ? '✔ ' : control.disabled ? '⊘ ' : '';
    const key = control.key ? `  [${control.key}]` : '';
    this.buttons.set(control.id, { box, control });
    const label = this.text(
      at.x + 10,
      at.y + at.h / 2,
      `${mark}${control.short ?? control.label}${key}`,
      textStyle(fontSize, control.disabled ? PALETTE.muted : PALETTE.text),
    );
    label.setOrigin(0, 0.5);
    // A label too long for its button is set smaller, down to 10 px, then cut at the edge.
    for (let size = fontSize - 1; label.width > at.w - 16 && size >= 10; size--)
      label.setFontSize(size);
    if (label.width > at.w - 16) label.setFixedSize(at.w - 16, 0);
    box.setInteractive({ useHandCursor: !control.disabled });
    box.on('pointerdown', () => press(getController(), control, true));
    box.on('pointerover', () => {
      if (control.detail) this.showDetail(control);
    });
    layer.add([box, label]);
    if (focused && control.detail) this.showDetail(control);
    return at.h;
  }

  /** Scenes with a detail box (the crisis room) show the focused control's description there. */
  protected showDetail(_control: Control): void {}

  private drawOverlay(layer: Phaser.GameObjects.Container): void {
    const kind = this.model.overlay;
    if (!kind) return;
    const rows =
      kind === 'glossary'
        ? getController().sc.scenario.glossary.map((g) => [g.term, g.definition] as const)
        : keyRows(this.model);
    layer.add(
      this.add
        .rectangle(0, 0, WIDTH, HEIGHT, PALETTE.background, 0.96)
        .setOrigin(0, 0)
        .setInteractive(),
    );
    layer.add(
      this.text(
        80,
        60,
        kind === 'glossary' ? 'Glossary' : 'Keyboard shortcuts',
        textStyle(30, PALETTE.text, { fontStyle: 'bold' }),
      ),
    );
    // A pointer cannot reach anything under the overlay: its own button closes it.
    const close: Control = {
      id: 'close-overlay',
      label: `Close the ${kind === 'glossary' ? 'glossary' : 'key map'}`,
      short: 'Close',
      key: 'Esc',
      run: () => getController().openOverlay(null),
    };
    this.drawButton(layer, close, { x: WIDTH - 240, y: 56, w: 160, h: 40 });
    this.overlayButtons.add(close.id);
    // In columns across the canvas; the font shrinks until every row fits on it.
    const columns = kind === 'glossary' ? 3 : 2;
    let texts: Phaser.GameObjects.Text[] | null = null;
    for (let size = kind === 'glossary' ? 15 : 19; !texts; size--)
      texts = this.overlayColumns(rows, size, columns, size <= 11);
    layer.add(texts);
  }

  /** The overlay's rows in columns; null (nothing left drawn) if they do not all fit, unless forced. */
  private overlayColumns(
    rows: (readonly [string, string])[],
    size: number,
    columns: number,
    force: boolean,
  ): Phaser.GameObjects.Text[] | null {
    const gap = 40;
    const top = 120;
    const width = (WIDTH - 160 - gap * (columns - 1)) / columns;
    const texts: Phaser.GameObjects.Text[] = [];
    let column = 0;
    let y = top;
    for (const [term, text] of rows) {
      const style = textStyle(size, PALETTE.text, { wordWrap: { width } });
      const line = this.text(80 + column * (width + gap), y, `${term} — ${text}`, style);
      if (y + line.height > HEIGHT - 30 && y > top) {
        column++;
        y = top;
        line.setPosition(80 + column * (width + gap), y);
      }
      if (column >= columns) {
        line.destroy();
        if (force) break;
        for (const t of texts) t.destroy();
        return null;
      }
      texts.push(line);
      y += line.height + 8;
    }
    return texts;
  }

  /** The buttons a pointer can press now: none under the text view, only the overlay's over it. */
  pressable(): CanvasControl[] {
    if (!this.input.enabled) return [];
    const overlay = this.model.overlay !== null;
    return [...this.buttons.values()]
      .filter(({ box, control }) => box.active && (!overlay || this.overlayButtons.has(control.id)))
      .map(({ box, control }) => ({
        id: control.id,
        label: control.label,
        disabled: control.disabled === true,
        x: box.x,
        y: box.y,
        w: box.width,
        h: box.height,
      }));
  }

  /** Every visible text on the canvas now, with its bounds (read by the e2e tests). */
  drawnTexts(): CanvasText[] {
    const found: CanvasText[] = [];
    const visit = (objects: Phaser.GameObjects.GameObject[], group: string) => {
      for (const object of objects) {
        if (object instanceof Phaser.GameObjects.Container) {
          if (object.visible) visit(object.list, object.name || group);
        } else if (object instanceof Phaser.GameObjects.Text && object.visible && object.text) {
          const box = object.getBounds();
          const x = group === 'text-column' ? box.x - OFFSTAGE : box.x;
          const wrap = object.style.wordWrapWidth;
          const fixed = object.style.fixedWidth;
          const cut =
            fixed > 0 &&
            Math.max(...object.text.split('\n').map((l) => object.context.measureText(l).width)) >
              fixed + 1;
          found.push({
            text: object.text,
            x,
            y: box.y,
            w: box.width,
            h: box.height,
            wrap,
            group,
            cut,
          });
        }
      }
    };
    visit(this.children.list, '');
    return found;
  }
}
