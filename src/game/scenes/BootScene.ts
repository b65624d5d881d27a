// Boot and preload: loads the first screen's scenario's map with a progress bar, then hands over to the screen the
// controller is on (the title, or the saved game's screen).
import Phaser from 'phaser';
import { getController, SCENE_KEYS } from '../app';
import { PALETTE } from '../palette';
import { queueMap } from './maps';
import { HEIGHT, textStyle, WIDTH } from './ScreenScene';

export class BootScene extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  preload(): void {
    const w = 600;
    const x = (WIDTH - w) / 2;
    const y = HEIGHT / 2;
    this.add
      .text(WIDTH / 2, y - 60, 'Brink', textStyle(48, PALETTE.text, { fontStyle: 'bold' }))
      .setOrigin(0.5);
    this.add.rectangle(x, y, w, 24).setOrigin(0, 0.5).setStrokeStyle(2, PALETTE.border);
    const bar = this.add.rectangle(x + 3, y, 0, 18, PALETTE.sky).setOrigin(0, 0.5);
    const label = this.add
      .text(WIDTH / 2, y + 40, 'Loading the map…', textStyle(18, PALETTE.muted))
      .setOrigin(0.5);
    this.load.on('progress', (value: number) => {
      bar.width = (w - 6) * value;
      label.setText(`Loading the map… ${Math.round(value * 100)}%`);
    });
    // The map of the scenario the first screen shows (the crisis room fetches another's itself).
    queueMap(this, getController().sc);
  }

  create(): void {
    this.scene.start(SCENE_KEYS[getController().ui.screen]);
  }
}
