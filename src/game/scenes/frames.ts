// Frames drawn only when the picture changes, and then only where it changed. Phaser redraws the
// whole canvas on every animation frame; on a machine whose WebGL runs on the CPU (no GPU, or a
// blocklisted one, as on many school computers) one crisis-room frame is a long task of well over
// 100 ms, and every key press waited for it. Each frame, after the scenes have updated, this
// compares what every object would draw (its kind, place, size, colours and text), one by one in
// drawing order, with the last frame drawn:
//   - nothing changed: nothing is drawn, and the canvas keeps showing the last frame;
//   - some objects changed (a cursor moved, a text or a bar changed, a screen was drawn again
//     with a few differences) within a third of the canvas: only the rectangles around them are
//     drawn again, on the background colour, over the kept frame, through each camera clipped
//     to each rectangle (one scene, plain cameras, the first over the whole canvas);
//   - anything else (a scene started, a camera moved, a container or a Graphics changed, most of
//     the canvas changed): the whole frame.
import Phaser from 'phaser';
import type { Rect } from './ScreenScene';

type Shown = Phaser.GameObjects.GameObject & {
  visible: boolean;
  alpha: number;
  depth: number;
  x: number;
  y: number;
};

interface Drawn {
  object: Phaser.GameObjects.GameObject;
  key: string;
  /** The cameras of its scene, and the camera filter it has with its containers'. */
  cameras: Phaser.Cameras.Scene2D.Camera[];
  filter: number;
  /** Where it is drawn on the canvas (through each camera that shows it), or null if not known. */
  seen: Rect[] | null;
  /** Whether it is a container (a change of one may move everything in it). */
  container: boolean;
}

const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (o: object) => {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
};

/** The parts of a text's style that change how it looks. */
const TEXT_STYLE = [
  'fontFamily',
  'fontSize',
  'fontStyle',
  'color',
  'backgroundColor',
  'stroke',
  'strokeThickness',
  'shadowOffsetX',
  'shadowOffsetY',
  'shadowColor',
  'shadowBlur',
  'shadowStroke',
  'shadowFill',
  'align',
  'maxLines',
  'fixedWidth',
  'fixedHeight',
  'resolution',
  'rtl',
  'wordWrapWidth',
  'wordWrapUseAdvanced',
  'baselineX',
  'baselineY',
] as const;

/** A text's content and everything of its style that changes how it looks. */
export function textLook(text: Phaser.GameObjects.Text): string {
  const style = text.style as unknown as Record<string, unknown>;
  const p = text.padding;
  const look = TEXT_STYLE.map((name) => String(style[name])).join(',');
  return `${text.text}|${look}|${text.lineSpacing},${text.letterSpacing},${p.left},${p.right},${p.top},${p.bottom}`;
}

/**
 * What an object draws, as a string that changes whenever its picture can. Two objects with the
 * same string draw the same pixels, so a screen drawn again with new objects changes only where
 * they differ from the old ones.
 */
function keyOf(o: Shown): string {
  const any = o as unknown as Record<string, unknown>;
  const common = [
    o.type,
    o.visible,
    o.alpha,
    o.depth,
    o.x,
    o.y,
    any.scaleX,
    any.scaleY,
    any.rotation,
    any.originX,
    any.originY,
    any.blendMode,
    o.cameraFilter,
  ].join(',');
  if (o instanceof Phaser.GameObjects.Text)
    return `${common}|${textLook(o)}|${o.width}|${o.height}`;
  if (o instanceof Phaser.GameObjects.Rectangle) {
    return `${common}|${o.fillColor},${o.fillAlpha},${o.isFilled},${o.strokeColor},${o.strokeAlpha},${o.lineWidth},${o.isStroked},${o.width},${o.height}`;
  }
  // What other shapes and a Graphics draw is not summed up here: a new one counts as a change.
  if (o instanceof Phaser.GameObjects.Shape || o instanceof Phaser.GameObjects.Graphics)
    return `${common}|${idOf(o)}`;
  const texture = any.texture as { key?: string } | undefined;
  const frame = any.frame as { name?: string } | undefined;
  return `${common}|${texture?.key ?? ''}|${frame?.name ?? ''}|${String(any.width)}|${String(any.height)}`;
}

function boxOf(o: Phaser.GameObjects.GameObject): Rect | null {
  const measurable = o as unknown as { getBounds?: () => Phaser.Geom.Rectangle };
  if (o instanceof Phaser.GameObjects.Container || typeof measurable.getBounds !== 'function')
    return null;
  const b = measurable.getBounds();
  // Strokes are drawn across the edge; text and shapes are antialiased a pixel beyond it.
  const pad = 2 + (o instanceof Phaser.GameObjects.Shape && o.isStroked ? o.lineWidth : 0);
  const x = Math.floor(b.x - pad);
  const y = Math.floor(b.y - pad);
  return { x, y, w: Math.ceil(b.right + pad) - x, h: Math.ceil(b.bottom + pad) - y };
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    w: Math.max(a.x + a.w, b.x + b.w) - x,
    h: Math.max(a.y + a.h, b.y + b.h) - y,
  };
}

/** The part of `r` inside `frame` (empty if none). */
function within(r: Rect, frame: Rect): Rect {
  const x = Math.max(r.x, frame.x);
  const y = Math.max(r.y, frame.y);
  const w = Math.min(r.x + r.w, frame.x + frame.w) - x;
  const h = Math.min(r.y + r.h, frame.y + frame.h) - y;
  return { x, y, w: Math.max(0, w), h: Math.max(0, h) };
}

const area = (r: Rect) => r.w * r.h;
const meets = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The scenes Phaser draws this frame (as SceneManager.render chooses them). */
function drawnScenes(game: Phaser.Game): Phaser.Scene[] {
  return game.scene.scenes.filter((scene: Phaser.Scene) => {
    const settings = scene.sys.settings;
    return (
      settings.visible &&
      settings.status >= Phaser.Scenes.LOADING &&
      settings.status < Phaser.Scenes.SLEEPING
    );
  });
}

function cameraKey(camera: Phaser.Cameras.Scene2D.Camera): string {
  const bg = camera.backgroundColor;
  return [
    idOf(camera),
    camera.visible,
    camera.alpha,
    camera.x,
    camera.y,
    camera.width,
    camera.height,
    camera.scrollX,
    camera.scrollY,
    camera.zoom,
    bg.red,
    bg.green,
    bg.blue,
    bg.alpha,
  ].join(',');
}

/** What a frame would draw: the scenes and cameras, and every object of their display lists. */
interface Picture {
  layout: string;
  drawn: Drawn[];
}

function pictureOf(game: Phaser.Game): Picture {
  const layout: (string | number)[] = [];
  const drawn: Drawn[] = [];
  const visit = (
    objects: Phaser.GameObjects.GameObject[],
    cameras: Phaser.Cameras.Scene2D.Camera[],
    inherited: number,
  ) => {
    for (const object of objects) {
      const container = object instanceof Phaser.GameObjects.Container;
      const filter = inherited | object.cameraFilter;
      drawn.push({ object, key: keyOf(object as Shown), cameras, filter, seen: null, container });
      if (container) visit(object.list, cameras, filter);
    }
  };
  for (const scene of drawnScenes(game)) {
    layout.push(scene.sys.settings.key);
    for (const camera of scene.cameras.cameras) layout.push(cameraKey(camera));
    visit(scene.sys.displayList.list, scene.cameras.cameras, 0);
  }
  return { layout: layout.join(';'), drawn };
}

/**
 * The cameras a partial frame can be drawn through (those shown, in order), or null: one scene,
 * every camera unzoomed, opaque and without filters, the first over the whole canvas unmoved.
 */
function partialCameras(game: Phaser.Game): Phaser.Cameras.Scene2D.Camera[] | null {
  const scenes = drawnScenes(game);
  if (scenes.length !== 1) return null;
  const cameras = scenes[0]!.cameras.cameras.filter((c) => c.visible && c.alpha > 0);
  const first = cameras[0];
  if (!first) return null;
  const plain = (c: Phaser.Cameras.Scene2D.Camera) =>
    c.id !== 0 &&
    c.zoom === 1 &&
    c.alpha === 1 &&
    !c.forceComposite &&
    c.filters.internal.getActive().length === 0 &&
    c.filters.external.getActive().length === 0;
  const whole =
    first.x === 0 &&
    first.y === 0 &&
    first.scrollX === 0 &&
    first.scrollY === 0 &&
    first.width === game.scale.width &&
    first.height === game.scale.height;
  return whole && cameras.every(plain) ? cameras : null;
}

/** Where an object is drawn on the canvas, through each camera that shows it (null: not known). */
function seenOf(d: Drawn): Rect[] | null {
  if (d.container) return null;
  const box = boxOf(d.object);
  if (!box) return null;
  const seen: Rect[] = [];
  for (const camera of d.cameras) {
    if (!camera.visible || camera.alpha <= 0 || (d.filter & camera.id) !== 0) continue;
    const view = viewOf(camera);
    const onCanvas = within({ ...box, x: box.x - view.dx, y: box.y - view.dy }, view);
    if (area(onCanvas) > 0) seen.push(onCanvas);
  }
  return seen;
}

/** A camera's viewport on the canvas, and what to add to a canvas point for its world point. */
function viewOf(camera: Phaser.Cameras.Scene2D.Camera): Rect & { dx: number; dy: number } {
  const { x, y, width: w, height: h } = camera;
  return { x, y, w, h, dx: camera.scrollX - x, dy: camera.scrollY - y };
}

/** Rectangles that overlap, or lie so close that one pass costs less than two, become one. */
function merged(rects: Rect[]): Rect[] {
  const out = [...rects];
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      const both = union(out[i]!, out[j]!);
      if (area(both) <= area(out[i]!) + area(out[j]!) + 40_000) {
        out[i] = both;
        out.splice(j, 1);
        j = i;
      }
    }
  }
  return out;
}

/**
 * Pairs the objects drawn before with those drawn now, in drawing order: those before a split
 * point with the same place in the list, those after it with the same place from the end, and
 * as many in between as the lists differ in length are added (or removed). The split point is
 * the one that pairs the most objects that draw the same, so objects added or removed in the
 * middle of a screen (more meters, a panel instead of the meters) leave the rest paired.
 */
function aligned(
  before: Drawn[],
  now: Drawn[],
): { pairs: [Drawn, Drawn][]; added: Drawn[]; removed: Drawn[] } {
  const delta = now.length - before.length;
  const shortest = Math.min(now.length, before.length);
  const differ = (i: number, j: number) =>
    before[j]!.key !== now[i]!.key || before[j]!.filter !== now[i]!.filter ? 1 : 0;
  // front[k]: pairs that differ among the first k; back[i]: among those from i (now) to the end.
  const front = [0];
  for (let i = 0; i < shortest; i++) front.push(front[i]! + differ(i, i));
  const back = new Array<number>(now.length + 1).fill(0);
  for (let i = now.length - 1; i >= Math.max(0, delta); i--)
    back[i] = back[i + 1]! + differ(i, i - delta);
  let split = shortest;
  for (let k = 0; k <= shortest; k++) {
    const cost = (k: number) => front[k]! + back[k + Math.max(0, delta)]!;
    if (cost(k) < cost(split)) split = k;
  }
  const pairs: [Drawn, Drawn][] = [];
  for (let i = 0; i < split; i++) pairs.push([before[i]!, now[i]!]);
  for (let i = split + Math.max(0, delta); i < now.length; i++)
    pairs.push([before[i - delta]!, now[i]!]);
  return {
    pairs,
    added: now.slice(split, split + Math.max(0, delta)),
    removed: before.slice(split, split + Math.max(0, -delta)),
  };
}

type Plan = { kind: 'none' } | { kind: 'full' } | { kind: 'partial'; rects: Rect[] };

export class FrameKeeper {
  private last: Picture | null = null;
  private wholeFrameDue = true;

  /** The next frame is drawn whole (the canvas was cleared, resized or restored). */
  invalidate(): void {
    this.wholeFrameDue = true;
  }

  /** What to draw this frame; `canPart` says whether a partial frame can be drawn now. */
  plan(game: Phaser.Game, canPart: boolean): Plan {
    const now = pictureOf(game);
    const last = this.last;
    const whole = (): Plan => {
      this.keep(now, canPart);
      return { kind: 'full' };
    };
    if (this.wholeFrameDue || !last || last.layout !== now.layout) return whole();
    // Where no partial frame can be drawn (the 2D canvas), it only matters whether anything
    // changed: the keys in order, without pairing objects or working out where they are drawn.
    if (!canPart) {
      const same =
        last.drawn.length === now.drawn.length &&
        now.drawn.every(
          (d, i) => d.key === last.drawn[i]!.key && d.filter === last.drawn[i]!.filter,
        );
      return same ? { kind: 'none' } : whole();
    }
    const rects: Rect[] = [];
    let unknown = false;
    const changed = (seen: Rect[] | null) => {
      if (seen) rects.push(...seen);
      else unknown = true;
    };
    const { pairs, added, removed } = aligned(last.drawn, now.drawn);
    for (const [before, d] of pairs) {
      if (before.key === d.key && before.filter === d.filter) {
        d.seen = before.seen;
        continue;
      }
      d.seen = seenOf(d);
      changed(d.seen);
      changed(before.seen);
    }
    for (const d of added) changed((d.seen = seenOf(d)));
    for (const before of removed) changed(before.seen);
    if (!unknown && rects.length === 0) return { kind: 'none' };
    if (unknown) return whole();
    const canvas = { x: 0, y: 0, w: game.scale.width, h: game.scale.height };
    const parts = merged(rects.map((r) => within(r, canvas))).filter((r) => area(r) > 0);
    const covered = parts.reduce((sum, r) => sum + area(r), 0);
    if (parts.length > 6 || covered > area(canvas) / 3) return whole();
    this.last = now;
    return { kind: 'partial', rects: parts };
  }

  /**
   * Keeps the picture just drawn whole, with where each object is drawn when the next frame may be
   * drawn in parts.
   */
  private keep(picture: Picture, canPart: boolean): void {
    if (canPart) for (const d of picture.drawn) d.seen = seenOf(d);
    this.last = picture;
    this.wholeFrameDue = false;
  }
}

/** The game, drawing a frame only where and when the picture changes (see the top of the file). */
export class OnDemandGame extends Phaser.Game {
  private readonly frames = new FrameKeeper();

  constructor(config: Phaser.Types.Core.GameConfig) {
    super({ ...config, preserveDrawingBuffer: true });
    this.events.once(Phaser.Core.Events.READY, () => {
      const redraw = () => this.frames.invalidate();
      this.renderer.on(Phaser.Renderer.Events.RESTORE_WEBGL, redraw);
      this.scale.on(Phaser.Scale.Events.RESIZE, redraw);
      this.events.on(Phaser.Core.Events.VISIBLE, redraw);
    });
  }

  override step(time: number, delta: number): void {
    // A step that destroys the game (Phaser's own flag, not in its typings) draws nothing after.
    const destroying = (this as unknown as { pendingDestroy: boolean }).pendingDestroy;
    this.headlessStep(time, delta);
    const renderer = this.renderer;
    if (destroying || !renderer || this.isPaused) return;
    const webgl = renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer ? renderer : null;
    let plan: Plan = { kind: 'full' };
    try {
      plan = this.frames.plan(this, webgl !== null && partialCameras(this) !== null);
    } catch (error) {
      // A fault here must not stop the game's loop: draw the frame whole, and report the fault.
      this.frames.invalidate();
      queueMicrotask(() => {
        throw error;
      });
    }
    if (plan.kind === 'none') return;
    if (plan.kind === 'full' || !webgl) {
      renderer.preRender();
      this.scene.render(renderer);
      renderer.postRender();
      return;
    }
    this.drawParts(webgl, plan.rects);
  }

  /**
   * Draws only `rects`, each through every camera clipped to it (the first camera filling it
   * with the background colour), over the kept frame.
   */
  private drawParts(renderer: Phaser.Renderer.WebGL.WebGLRenderer, rects: Rect[]): void {
    const config = renderer.config as { clearBeforeRender: boolean };
    const clear = config.clearBeforeRender;
    const fill = this.config.backgroundColor;
    const background = { r: fill.red, g: fill.green, b: fill.blue, a: fill.alpha };
    const objects = drawnScenes(this)[0]!.sys.displayList.list;
    const cameras = partialCameras(this)!.map((camera) => {
      const { red: r, green: g, blue: b, alpha: a } = camera.backgroundColor;
      return { camera, view: viewOf(camera), background: { r, g, b, a } };
    });
    config.clearBeforeRender = false;
    renderer.preRender();
    for (const rect of rects) {
      const skipped: Skipped[] = [];
      cameras.forEach(({ camera, view }, i) => {
        const part = within(rect, view);
        camera.setVisible(area(part) > 0);
        if (!camera.visible) return;
        camera.setViewport(part.x, part.y, part.w, part.h);
        camera.setScroll(part.x + view.dx, part.y + view.dy);
        if (i === 0) camera.setBackgroundColor(background);
        const world = { ...part, x: part.x + view.dx, y: part.y + view.dy };
        skipOutside(objects, world, camera.id, skipped);
      });
      this.scene.render(renderer);
      for (const [object, id] of skipped) object.cameraFilter &= ~id;
    }
    for (const { camera, view, background } of cameras) {
      camera.setVisible(true).setViewport(view.x, view.y, view.w, view.h);
      camera.setScroll(view.x + view.dx, view.y + view.dy).setBackgroundColor(background);
    }
    renderer.postRender();
    config.clearBeforeRender = clear;
  }
}

/** Where an object (a container: all it holds) is drawn, or null if any part is not known. */
function extentOf(object: Phaser.GameObjects.GameObject): Rect | null {
  if (!(object instanceof Phaser.GameObjects.Container)) return boxOf(object);
  let box: Rect | null = null;
  for (const child of object.list) {
    const part = extentOf(child);
    if (!part) return null;
    box = box ? union(box, part) : part;
  }
  return box;
}

/** An object left out of one pass, and the camera it was left out for. */
type Skipped = [Phaser.GameObjects.GameObject, number];

/**
 * Leaves out of one pass (with the camera filter, as `camera.ignore` does) the objects known to be
 * drawn wholly outside `rect`, looking into containers that reach into it. Adds them to `skipped`.
 */
function skipOutside(
  objects: Phaser.GameObjects.GameObject[],
  rect: Rect,
  cameraId: number,
  skipped: Skipped[],
): void {
  for (const object of objects) {
    if ((object.cameraFilter & cameraId) !== 0) continue;
    const box = extentOf(object);
    if (box && !meets(box, rect)) {
      object.cameraFilter |= cameraId;
      skipped.push([object, cameraId]);
    } else if (object instanceof Phaser.GameObjects.Container) {
      skipOutside(object.list, rect, cameraId, skipped);
    }
  }
}
