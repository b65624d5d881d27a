// The debrief: the text (ending, scores, turning points, hidden intent, what really happened,
// questions) on the left; charts of the main variables over the turns on the right.
import Phaser from 'phaser';
import { selectSeries } from '../../sim';
import { getController } from '../app';
import { PALETTE } from '../palette';
import { presentationOf } from '../view/presentation';
import { HEADER_BOTTOM, ScreenScene, textStyle, type Rect } from './ScreenScene';

/** How the scenario's four charted variables are drawn, in order (see presentation.ts). */
const CHART_STYLES: { colour: number; dash: string }[] = [
  { colour: PALETTE.vermillion, dash: 'solid' },
  { colour: PALETTE.sky, dash: 'dots' },
  { colour: PALETTE.green, dash: 'squares' },
  { colour: PALETTE.yellow, dash: 'diamonds' },
];

export class DebriefScene extends ScreenScene {
  constructor() {
    super('Debrief');
  }

  protected override textArea(): Rect {
    return { x: 40, y: 120, w: 860, h: 850 };
  }

  protected override controlsArea(): Rect {
    return { x: 940, y: 590, w: 620, h: 400 };
  }

  protected override rowHeight(): number {
    return 30;
  }

  protected override drawPictures(layer: Phaser.GameObjects.Container): void {
    const c = getController();
    const state = c.state!;
    const at: Rect = { x: 990, y: HEADER_BOTTOM + 32, w: 560, h: 510 - HEADER_BOTTOM - 32 };
    layer.add(
      this.add.text(
        940,
        HEADER_BOTTOM + 2,
        'The crisis, turn by turn (0–100)',
        textStyle(18, PALETTE.sky, { fontStyle: 'bold' }),
      ),
    );
    const g = this.add.graphics();
    layer.add(g);
    g.lineStyle(1, PALETTE.border, 1).strokeRect(at.x, at.y, at.w, at.h);
    for (const level of [25, 50, 75]) {
      const y = at.y + at.h - (at.h * level) / 100;
      g.lineStyle(1, PALETTE.panelLight, 1).lineBetween(at.x, y, at.x + at.w, y);
      layer.add(
        this.add.text(at.x - 8, y, String(level), textStyle(12, PALETTE.muted)).setOrigin(1, 0.5),
      );
    }
    const turns = state.reports.length;
    const charts = presentationOf(c.sc).charted.map((key, i) => ({ key, ...CHART_STYLES[i]! }));
    charts.forEach((chart, i) => {
      const series = selectSeries(c.sc, state, chart.key);
      const point = (value: number, t: number) => ({
        x: at.x + (at.w * t) / Math.max(1, turns),
        y: at.y + at.h - (at.h * Math.max(0, Math.min(100, value))) / 100,
      });
      g.lineStyle(3, chart.colour, 1);
      for (let t = 1; t < series.length; t++) {
        const a = point(series[t - 1]!, t - 1);
        const b = point(series[t]!, t);
        g.lineBetween(a.x, a.y, b.x, b.y);
      }
      // A distinct marker per line, so the chart reads without colour.
      g.fillStyle(chart.colour, 1);
      series.forEach((value, t) => {
        const p = point(value, t);
        if (chart.dash === 'dots') g.fillCircle(p.x, p.y, 4);
        else if (chart.dash === 'squares') g.fillRect(p.x - 4, p.y - 4, 8, 8);
        else if (chart.dash === 'diamonds')
          g.fillTriangle(p.x, p.y - 5, p.x + 5, p.y, p.x, p.y + 5).fillTriangle(
            p.x,
            p.y - 5,
            p.x - 5,
            p.y,
            p.x,
            p.y + 5,
          );
      });
      const name = c.sc.variables[chart.key]?.name ?? chart.key;
      const marker = ['—', '●', '■', '◆'][i];
      layer.add(
        this.add.text(
          at.x + (i % 2) * 280,
          at.y + at.h + 14 + Math.floor(i / 2) * 24,
          `${marker} ${name}`,
          textStyle(15, chart.colour),
        ),
      );
    });
    for (let t = 0; t <= turns; t++) {
      layer.add(
        this.add
          .text(
            at.x + (at.w * t) / Math.max(1, turns),
            at.y + at.h + 2,
            String(t),
            textStyle(11, PALETTE.muted),
          )
          .setOrigin(0.5, 0),
      );
    }
  }
}
