// The replay viewer: the map and the main meters as they stood after the turn shown, the story
// of that turn, and a timeline to step, jump and scrub through the game.
import Phaser from 'phaser';
import { selectMeters } from '../../sim';
import { getController } from '../app';
import { PALETTE } from '../palette';
import { presentationOf } from '../view/presentation';
import { drawMap } from './map';
import { cachedMap, mapOf, queueMap } from './maps';
import { drawMeters } from './meters';
import { HEADER_BOTTOM, ScreenScene, textStyle, type Rect } from './ScreenScene';

const TIMELINE: Rect = { x: 40, y: HEADER_BOTTOM + 2, w: 1520, h: 34 };

export class ViewerScene extends ScreenScene {
  constructor() {
    super('Viewer');
  }

  /** The recorded game's map, the first time one of its scenario's games is on screen. */
  preload(): void {
    queueMap(this, getController().sc);
  }

  protected override textArea(): Rect {
    return { x: 40, y: 170, w: 700, h: 810 };
  }

  protected override controlsArea(): Rect {
    return { x: 1200, y: 640, w: 360, h: 340 };
  }

  protected override drawPictures(layer: Phaser.GameObjects.Container): void {
    const c = getController();
    const v = c.viewer;
    if (!v) return;
    this.drawTimeline(layer, v.turns, v.total);
    drawMap(
      this,
      layer,
      cachedMap(this, c.sc),
      { x: 780, y: 170, w: 780, h: 455 },
      v.state,
      c.sc,
      mapOf(c.sc),
    );
    const keys = presentationOf(c.sc).mainVariables;
    const meters = selectMeters(c.sc, v.state)
      .filter((m) => keys.includes(m.id))
      .slice(0, 8);
    drawMeters(this, layer, { x: 780, y: 640, w: 400, h: 340 }, meters);
  }

  /** The step controls and help; jumping to a turn is the timeline's job on the canvas. */
  protected override drawControls(layer: Phaser.GameObjects.Container): void {
    const area = this.controlsArea();
    if (this.model.screen !== 'viewer') return;
    const controls = [...this.model.step, ...this.model.help];
    controls.forEach((control, i) =>
      this.drawButton(layer, control, { x: area.x, y: area.y + i * 42, w: area.w, h: 36 }, 15),
    );
  }

  /** One box per turn: click (or ← → Home End) to move; the turn shown is marked ▼ and filled. */
  private drawTimeline(layer: Phaser.GameObjects.Container, turns: number, total: number): void {
    const c = getController();
    const step = TIMELINE.w / (total + 1);
    for (let t = 0; t <= total; t++) {
      const x = TIMELINE.x + t * step;
      const current = t === turns;
      const box = this.add
        .rectangle(x, TIMELINE.y, step - 4, TIMELINE.h, current ? PALETTE.blue : PALETTE.panelLight)
        .setOrigin(0, 0);
      box.setStrokeStyle(current ? 3 : 1, current ? PALETTE.yellow : PALETTE.border);
      box.setInteractive({ useHandCursor: true }).on('pointerdown', () => c.viewTurn(t));
      const label = `${current ? '▼ ' : ''}${t === 0 ? 'Start' : `Turn ${t}`}`;
      layer.add([
        box,
        this.add
          .text(x + (step - 4) / 2, TIMELINE.y + TIMELINE.h / 2, label, textStyle(14))
          .setOrigin(0.5),
      ]);
    }
  }
}
