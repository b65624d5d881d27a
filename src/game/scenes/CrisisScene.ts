// The crisis room: the map with the forces, the main meters (click one, or use its "Why" button,
// to see what moved it), the action cards by track with their cost and lock reasons, and the
// orders. Everything drawn comes from the screen model and the core's selectors.
import Phaser from 'phaser';
import { selectLadder, selectMeters, type GameState } from '../../sim';
import { currentModel, getController } from '../app';
import { PALETTE } from '../palette';
import type { Control, CrisisModel, Section } from '../view/model';
import { presentationOf } from '../view/presentation';
import { drawMap } from './map';
import { cachedMap, mapOf, queueMap } from './maps';
import { drawMeters } from './meters';
import { fitToHeight, HEADER_BOTTOM, ScreenScene, textStyle, type Rect } from './ScreenScene';

const MAP: Rect = { x: 20, y: 110, w: 820, h: 512 };
// Under the header's notice: the caption, then the meters down to the cards.
const METERS: Rect = { x: 860, y: HEADER_BOTTOM + 26, w: 720, h: 622 - HEADER_BOTTOM - 26 };
const CARDS_Y = 640;
const DETAIL: Rect = { x: 1200, y: 760, w: 380, h: 230 };

export class CrisisScene extends ScreenScene {
  private detail: Phaser.GameObjects.Text | null = null;
  private clock: Phaser.GameObjects.Text | null = null;
  private mapLayer: Phaser.GameObjects.Container | null = null;
  private mapFor: GameState | null = null;

  constructor() {
    super('Crisis');
  }

  /** The scenario's map, the first time one of its games is on screen. */
  preload(): void {
    queueMap(this, getController().sc);
  }

  override create(): void {
    this.mapLayer = null;
    this.mapFor = null;
    super.create();
    const stop = getController().onClock(() => {
      if (this.clock?.active) this.clock.setText(currentModel().clock);
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
  }

  protected override textArea(): Rect {
    return { x: 0, y: 0, w: 0, h: 0 };
  }

  protected override cover(covered: boolean): void {
    this.mapLayer?.setVisible(!covered);
  }

  protected override drawPictures(layer: Phaser.GameObjects.Container): void {
    const c = getController();
    const state = c.state!;
    // The map changes only when a turn resolves: keep it between redraws (it is the costly part).
    if (this.mapFor !== state || !this.mapLayer?.active) {
      this.mapLayer?.destroy();
      this.mapLayer = this.add.container(0, 0).setDepth(-1).setName('map');
      drawMap(this, this.mapLayer, cachedMap(this, c.sc), MAP, state, c.sc, mapOf(c.sc));
      this.mapFor = state;
    }
    this.clock = this.text(
      MAP.x + MAP.w - 10,
      MAP.y + 10,
      this.model.clock,
      textStyle(20, PALETTE.yellow, { fontStyle: 'bold', backgroundColor: '#101820' }),
    );
    layer.add(this.clock.setOrigin(1, 0));
    this.drawLadder(layer);
    const model = this.crisis();
    if (model.why) {
      this.drawWhy(layer, model.why);
      return;
    }
    const why = c.ui.why;
    const main = (id: string) => presentationOf(c.sc).mainVariables.includes(id);
    const meters = selectMeters(c.sc, state).filter((m) => main(m.id) !== c.ui.allMeters);
    const which = c.ui.allMeters
      ? 'the other meters (M: the main ones)'
      : 'the main meters (M: the others)';
    const caption = `The situation: ${which}. Click one to see why it moved.`;
    layer.add(this.text(METERS.x, METERS.y - 26, caption, textStyle(15, PALETTE.muted)));
    drawMeters(this, layer, METERS, meters, {
      onPick: (id) => c.showWhy(id),
      picked: why,
      text: (...made) => this.text(...made),
    });
  }

  /** Kahn's escalation ladder, the current rung marked with ► as well as colour. */
  private drawLadder(layer: Phaser.GameObjects.Container): void {
    const c = getController();
    const rungs = selectLadder(c.sc, c.state!);
    const rowH = 19;
    const x = MAP.x + 8;
    const y = MAP.y + MAP.h - 8 - rowH * (rungs.length + 1);
    layer.add(
      this.add
        .rectangle(x - 4, y - 4, 250, rowH * (rungs.length + 1) + 8, PALETTE.background, 0.85)
        .setOrigin(0, 0)
        .setStrokeStyle(1, PALETTE.border),
    );
    layer.add(
      this.text(x, y, 'Escalation ladder', textStyle(13, PALETTE.sky, { fontStyle: 'bold' })),
    );
    [...rungs].reverse().forEach((rung, i) => {
      const label = `${rung.current ? '► ' : '   '}${rung.level}. ${rung.name}`;
      const colour = rung.current ? PALETTE.yellow : PALETTE.muted;
      layer.add(
        this.text(
          x,
          y + rowH * (i + 1),
          label,
          textStyle(12, colour, rung.current ? { fontStyle: 'bold' } : {}),
        ),
      );
    });
  }

  /** The "Why did it move?" panel over the meters, in the words of the text view. */
  private drawWhy(layer: Phaser.GameObjects.Container, why: Section): void {
    const c = getController();
    layer.add(
      this.add
        .rectangle(METERS.x, METERS.y, METERS.w, METERS.h, PALETTE.panel)
        .setOrigin(0, 0)
        .setStrokeStyle(2, PALETTE.yellow),
    );
    layer.add(
      this.text(
        METERS.x + 16,
        METERS.y + 12,
        why.heading,
        textStyle(19, PALETTE.text, { fontStyle: 'bold', wordWrap: { width: METERS.w - 32 } }),
      ),
    );
    layer.add(
      this.text(
        METERS.x + 16,
        METERS.y + 60,
        why.lines.join('\n'),
        textStyle(15, PALETTE.text, { wordWrap: { width: METERS.w - 32 }, lineSpacing: 6 }),
      ),
    );
    const close: Control = {
      id: 'close-why',
      label: 'Close this panel',
      short: 'Close',
      key: 'Esc',
      run: () => c.showWhy(null),
    };
    this.drawButton(
      layer,
      close,
      { x: METERS.x + METERS.w - 136, y: METERS.y + METERS.h - 46, w: 120, h: 34 },
      14,
    );
  }

  protected override drawControls(layer: Phaser.GameObjects.Container): void {
    // The detail box first: drawing a focused card shows its description there.
    this.detail = this.text(
      DETAIL.x,
      DETAIL.y,
      this.statusText(),
      textStyle(14, PALETTE.text, { wordWrap: { width: DETAIL.w }, lineSpacing: 3 }),
    );
    layer.add(fitToHeight(this.detail, DETAIL.h));
    const width = 380;
    const model = this.crisis();
    model.tracks.forEach((group, column) => {
      const x = 20 + column * (width + 13);
      layer.add(
        this.text(x, CARDS_Y, group.heading, textStyle(18, PALETTE.sky, { fontStyle: 'bold' })),
      );
      const rowH = Math.min(30, (1000 - CARDS_Y - 36) / Math.max(1, group.controls.length));
      group.controls.forEach((control, i) => {
        this.drawButton(
          layer,
          control,
          { x, y: CARDS_Y + 28 + i * rowH, w: width, h: rowH - 3 },
          14,
        );
      });
    });
    this.drawButton(layer, model.endTurn, { x: 1200, y: CARDS_Y, w: 380, h: 38 }, 16);
    this.drawRow(layer, model.orders, { x: 1200, y: CARDS_Y + 44, w: 380, h: 32 }, 13);
    this.drawFacilitator(layer);
    this.drawRow(layer, model.help, { x: 1200, y: CARDS_Y + 82, w: 380, h: 32 }, 13);
  }

  /** The facilitator's clock and injects; the list of events to inject opens over the map. */
  private drawFacilitator(layer: Phaser.GameObjects.Container): void {
    const facilitator = this.crisis().facilitator;
    if (!facilitator) return;
    const { pause, inject, events } = facilitator;
    this.drawButton(layer, pause, { x: MAP.x + MAP.w - 330, y: MAP.y + 44, w: 160, h: 30 }, 13);
    this.drawButton(layer, inject, { x: MAP.x + MAP.w - 165, y: MAP.y + 44, w: 160, h: 30 }, 13);
    if (events.length === 0) return;
    const panel: Rect = { x: MAP.x + 260, y: MAP.y + 84, w: 550, h: 26 * events.length + 16 };
    layer.add(
      this.add
        .rectangle(panel.x, panel.y, panel.w, panel.h, PALETTE.background, 0.95)
        .setOrigin(0, 0),
    );
    events.forEach((control, i) =>
      this.drawButton(
        layer,
        control,
        { x: panel.x + 8, y: panel.y + 8 + i * 26, w: panel.w - 16, h: 23 },
        13,
      ),
    );
  }

  /** Capital, intelligence and the latest news, shown when no card is under the cursor. */
  private statusText(): string {
    const { lines, intel, news, pending } = this.crisis().status;
    // Each status line at most about two lines here (a 280-character reason would fill the box);
    // the text view shows them whole.
    const short = (line: string) => (line.length > 100 ? `${line.slice(0, 96)}…` : line);
    return [
      ...lines.map(short),
      '',
      `${intel.heading}:`,
      ...intel.lines,
      '',
      'Pending: ' + pending.slice(0, 2).join('; '),
      '',
      ...news.slice(0, 2),
    ].join('\n');
  }

  /** The screen model, which is the crisis room's while this scene is on. */
  private crisis(): CrisisModel {
    if (this.model.screen !== 'crisis')
      throw new Error(`the crisis room drew ${this.model.screen}`);
    return this.model;
  }

  protected override showDetail(control: Control): void {
    if (!this.detail?.active || !control.id.startsWith('action-')) return;
    fitToHeight(this.detail.setText(`${control.label}\n${control.detail ?? ''}`), DETAIL.h);
  }
}
