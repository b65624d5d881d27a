import { ScreenScene } from './ScreenScene';

export class BriefingScene extends ScreenScene {
  constructor() {
    super('Briefing');
  }
}
