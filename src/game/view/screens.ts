// Builds each screen's model from the controller and the core's selectors: one module a screen,
// in screens/ (as the scenes are in scenes/).
import type { GameController } from '../controller';
import type { ScreenModel } from './model';
import { titleScreen } from './screens/title';
import { briefingScreen } from './screens/briefing';
import { crisisScreen } from './screens/crisis';
import { confirmScreen, passScreen } from './screens/hand-over';
import { resolutionScreen } from './screens/resolution';
import { debriefScreen } from './screens/debrief';
import { viewerScreen } from './screens/viewer';

export { clockText } from './screens/crisis';

export function buildScreen(c: GameController): ScreenModel {
  switch (c.ui.screen) {
    case 'title':
      return titleScreen(c);
    case 'briefing':
      return briefingScreen(c);
    case 'crisis':
      return crisisScreen(c);
    case 'pass':
      return passScreen(c);
    case 'confirm':
      return confirmScreen(c);
    case 'resolution':
      return resolutionScreen(c);
    case 'debrief':
      return debriefScreen(c);
    case 'viewer':
      return viewerScreen(c);
  }
}
