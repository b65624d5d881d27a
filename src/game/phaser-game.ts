// Phaser and the scenes, loaded as their own chunk.
import Phaser from 'phaser';
import { css, PALETTE } from './palette';
import { BootScene } from './scenes/BootScene';
import { BriefingScene } from './scenes/BriefingScene';
import { CrisisScene } from './scenes/CrisisScene';
import { DebriefScene } from './scenes/DebriefScene';
import { OnDemandGame } from './scenes/frames';
import { PassScene } from './scenes/PassScene';
import { ResolutionScene } from './scenes/ResolutionScene';
import {
  HEIGHT,
  ScreenScene,
  WIDTH,
  type CanvasControl,
  type CanvasText,
} from './scenes/ScreenScene';
import { TitleScene } from './scenes/TitleScene';
import { ViewerScene } from './scenes/ViewerScene';

export function startPhaser(parent: HTMLElement): Phaser.Game {
  return new OnDemandGame({
    type: Phaser.AUTO,
    parent,
    width: WIDTH,
    height: HEIGHT,
    backgroundColor: css(PALETTE.background),
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // The keyboard belongs to the page (keys.ts), so the DOM layer and the canvas share it.
    input: { keyboard: false },
    banner: false,
    scene: [
      BootScene,
      TitleScene,
      BriefingScene,
      CrisisScene,
      PassScene,
      ResolutionScene,
      DebriefScene,
      ViewerScene,
    ],
  });
}

/** The buttons a pointer can press on the canvas now, in canvas pixels (read by the e2e tests). */
export function canvasControls(game: Phaser.Game): CanvasControl[] {
  const scene = game.scene.getScenes(true)[0];
  return scene instanceof ScreenScene ? scene.pressable() : [];
}

/** The texts drawn on the canvas now, with their bounds (read by the e2e tests). */
export function canvasTexts(game: Phaser.Game): CanvasText[] {
  const scene = game.scene.getScenes(true)[0];
  return scene instanceof ScreenScene ? scene.drawnTexts() : [];
}
