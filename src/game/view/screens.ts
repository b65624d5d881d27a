// Builds each screen's model from the controller and the core's selectors: one module a screen,
// in screens/ (as the scenes are in scenes/).
import type { GameController } from '../controller';
import type { ScreenContent, ScreenModel } from './model';
import { clockText } from './screens/crisis';
import { titleScreen } from './screens/title';
import { briefingScreen } from './screens/briefing';
import { crisisScreen } from './screens/crisis';
import { confirmScreen, passScreen } from './screens/hand-over';
import { resolutionScreen } from './screens/resolution';
import { debriefScreen } from './screens/debrief';
import { viewerScreen } from './screens/viewer';

/** The screen the controller is on, with its notice, overlay, cursor, clock and text view. */
export function buildScreen(c: GameController): ScreenModel {
  const { notice, overlay, focus, textView } = c.ui;
  return { ...content(c), notice, overlay, focus, clock: clockText(c), textView };
}

function content(c: GameController): ScreenContent {
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
