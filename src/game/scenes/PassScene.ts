import { ScreenScene } from './ScreenScene';

/** Hot seat: a blank screen between players, so no one sees another role's orders. */
export class PassScene extends ScreenScene {
  constructor() {
    super('Pass');
  }
}
