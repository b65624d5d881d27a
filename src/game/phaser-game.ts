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

/**
 * Whether this browser's WebGL runs on the processor (SwiftShader: no graphics card, or one the
 * browser does not trust, as on many school computers). There every WebGL frame is drawn on the
 * processor and then read back whole for the page, a long task each time; the 2D canvas is drawn
 * by the same processor without the read-back.
 */
function webglOnProcessor(): boolean {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|softpipe|software/i.test(name);
}

/**
 * The renderer: the 2D canvas where WebGL runs on the processor, else WebGL. `?renderer=webgl` or
 * `?renderer=canvas` in the address chooses one (the tests draw with each).
 */
function rendererType(): number {
  const asked = new URLSearchParams(location.search).get('renderer');
  if (asked === 'webgl') return Phaser.WEBGL;
  if (asked === 'canvas') return Phaser.CANVAS;
  return webglOnProcessor() ? Phaser.CANVAS : Phaser.AUTO;
}

/** Which renderer the game draws with. */
export function rendererName(game: Phaser.Game): 'webgl' | 'canvas' {
  return game.renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer ? 'webgl' : 'canvas';
}

export function startPhaser(parent: HTMLElement): Phaser.Game {
  return new OnDemandGame({
    type: rendererType(),
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
