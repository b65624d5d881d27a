import { ScreenScene } from './ScreenScene';

export class TitleScene extends ScreenScene {
  constructor() {
    super('Title');
  }
}
