import { ScreenScene } from './ScreenScene';

export class TitleScene extends ScreenScene {
  constructor() {
    super('Title');
  }

  /** The title has the most choices (saved games, roles, players, classroom): smaller rows. */
  protected override rowHeight(): number {
    return 30;
  }
}
