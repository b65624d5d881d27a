// Meter bars with their value and last change in words and signs (▲ ▼), optionally animated from
// the values before the last turn.
import Phaser from 'phaser';
import type { Meter } from '../../sim';
import { PALETTE } from '../palette';
import { textStyle, type Rect } from './ScreenScene';

export function drawMeters(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  at: Rect,
  meters: Meter[],
  options: {
    from?: Record<string, number>;
    onPick?: (id: string) => void;
    picked?: string | null;
    /** Makes a text (a scene that uses its texts again passes its own). */
    text?: (
      x: number,
      y: number,
      content: string,
      style: Phaser.Types.GameObjects.Text.TextStyle,
    ) => Phaser.GameObjects.Text;
  } = {},
): void {
  const text = options.text ?? ((x, y, content, style) => scene.add.text(x, y, content, style));
  const rowH = Math.min(44, at.h / Math.max(1, meters.length));
  const narrow = at.w < 600;
  const labelW = Math.min(250, Math.round(at.w * 0.38));
  // Each row's value and last change, made first: the value column is as wide as the widest pair
  // needs (a narrow panel's "125,000 troops ▲ +10" would otherwise run into itself), taken from the bar.
  const values = meters.map((m) => {
    const value = text(0, 0, m.text, textStyle(15, PALETTE.text)).setOrigin(0, 0.5);
    const change =
      m.lastChange === 0
        ? null
        : text(
            0,
            0,
            m.lastChange > 0 ? `  ▲ +${m.lastChange}` : `  ▼ ${m.lastChange}`,
            textStyle(14, m.lastChange > 0 ? PALETTE.orange : PALETTE.sky),
          ).setOrigin(1, 0.5);
    return { value, change };
  });
  const widest = Math.max(0, ...values.map((v) => v.value.width + (v.change?.width ?? 0) + 16));
  const valueW = Math.min(
    Math.max(Math.min(200, Math.round(at.w * 0.34)), Math.ceil(widest)),
    Math.round(at.w * 0.45),
  );
  const barW = at.w - labelW - valueW;
  meters.forEach((m, i) => {
    const y = at.y + i * rowH;
    const row = scene.add
      .rectangle(
        at.x,
        y,
        at.w,
        rowH - 4,
        m.id === options.picked ? PALETTE.panelLight : PALETTE.panel,
      )
      .setOrigin(0, 0);
    layer.add(row);
    if (options.onPick) {
      row.setInteractive({ useHandCursor: true });
      row.on('pointerdown', () => options.onPick!(m.id));
    }
    const name = text(
      at.x + 8,
      y + rowH / 2 - 2,
      m.name,
      textStyle(narrow ? 13 : 15, PALETTE.text),
    ).setOrigin(0, 0.5);
    // A long name (Cuba's "US strike and invasion readiness") shrinks to fit rather than being cut.
    for (let size = narrow ? 13 : 15; name.width > labelW - 12 && size > 10; size--)
      name.setFontSize(size - 1);
    if (name.width > labelW - 12) name.setFixedSize(labelW - 12, 0);
    layer.add(name);
    const span = Math.max(1, m.max - m.min);
    const share = (value: number) => Math.max(0, Math.min(1, (value - m.min) / span));
    layer.add(
      scene.add
        .rectangle(at.x + labelW, y + 8, barW, rowH - 20, 0x0b1118)
        .setOrigin(0, 0)
        .setStrokeStyle(1, PALETTE.border),
    );
    const bar = scene.add
      .rectangle(at.x + labelW + 1, y + 9, 0, rowH - 22, PALETTE.sky)
      .setOrigin(0, 0);
    layer.add(bar);
    const target = (barW - 2) * share(m.value);
    const from = options.from?.[m.id];
    if (from !== undefined && from !== m.value) {
      bar.width = (barW - 2) * share(from);
      scene.tweens.add({
        targets: bar,
        width: target,
        duration: 900,
        ease: 'Cubic.easeOut',
        delay: 150 + i * 60,
      });
    } else {
      bar.width = target;
    }
    const { value, change } = values[i]!;
    layer.add(value.setPosition(at.x + labelW + barW + 10, y + rowH / 2 - 2));
    if (change) layer.add(change.setPosition(at.x + at.w - 6, y + rowH / 2 - 2));
  });
}
