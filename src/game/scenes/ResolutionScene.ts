// What happened this turn: the text of the turn on the left; on the right the main meters move
// from their values before the turn to their values after it.
import Phaser from 'phaser';
import { selectMeters } from '../../sim';
import { getController } from '../app';
import { PALETTE } from '../palette';
import { presentationOf } from '../view/presentation';
import { drawMeters } from './meters';
import { HEADER_BOTTOM, ScreenScene, textStyle, type Rect } from './ScreenScene';

export class ResolutionScene extends ScreenScene {
  private animated = false;

  constructor() {
    super('Resolution');
  }

  init(): void {
    this.animated = false;
  }

  protected override textArea(): Rect {
    return { x: 40, y: 120, w: 860, h: 850 };
  }

  protected override controlsArea(): Rect {
    return { x: 940, y: 700, w: 620, h: 280 };
  }

  /** The frame that ends a turn opens this screen: its meters come a frame after its text. */
  protected override picturesMayWait(): boolean {
    return true;
  }

  protected override drawPictures(layer: Phaser.GameObjects.Container): void {
    const c = getController();
    const keys = presentationOf(c.sc).mainVariables;
    const meters = selectMeters(c.sc, c.state!).filter((m) => keys.includes(m.id));
    const from: Record<string, number> = {};
    // Animate once, when the screen opens; later redraws show the new values.
    if (!this.animated && c.previous) for (const key of keys) from[key] = c.previous.vars[key] ?? 0;
    this.animated = true;
    layer.add(
      this.text(
        940,
        HEADER_BOTTOM + 2,
        'How the main numbers moved',
        textStyle(18, PALETTE.sky, { fontStyle: 'bold' }),
      ),
    );
    const top = HEADER_BOTTOM + 30;
    drawMeters(this, layer, { x: 940, y: top, w: 620, h: 684 - top }, meters, {
      from,
      text: (...made) => this.text(...made),
    });
  }
}
