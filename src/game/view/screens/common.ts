// What several screens share: the help controls, dates of a turn, notes on the version and switches played.
import { formatDate } from '../../../sim';
import type { GameController } from '../../controller';
import type { ControlGroup } from '../model';

/** A turn's dates: "Week of 6 January 2022", "16 October 1962", "3 days from 16 October 1962". */
export function periodOf(sc: GameController['sc'], date: string): string {
  const days = sc.scenario.daysPerTurn;
  if (days === 1) return formatDate(date);
  return days === 7 ? `Week of ${formatDate(date)}` : `${days} days from ${formatDate(date)}`;
}

/** "What happened in the week of …", "What happened on …". */
export function whatHappened(sc: GameController['sc'], date: string): string {
  const period = periodOf(sc, date);
  return sc.scenario.daysPerTurn === 1
    ? `What happened on ${period}`
    : `What happened in the ${period.replace(/^W/, 'w')}`;
}

export const capitalised = (text: string) => text.replace(/^./, (l) => l.toUpperCase());

export function helpGroup(c: GameController): ControlGroup {
  return {
    id: 'help',
    heading: 'Help',
    inline: true,
    controls: [
      {
        id: 'glossary',
        label: 'Glossary',
        key: 'G',
        pressed: c.ui.overlay === 'glossary',
        run: () => c.openOverlay('glossary'),
      },
      {
        id: 'keys',
        label: 'Keyboard shortcuts',
        short: 'Keys',
        key: '?',
        pressed: c.ui.overlay === 'keys',
        run: () => c.openOverlay('keys'),
      },
      {
        id: 'text-view',
        label: 'Text view',
        key: 'T',
        pressed: c.ui.textView,
        run: () => c.toggleTextView(),
      },
    ],
  };
}

/** A subtitle's mention of the earlier scenario version a game is played with ('' for the current one). */
export function playedWith(version: string | null, verb: 'started' | 'played'): string {
  return version ? ` · scenario version ${version}, the one this game was ${verb} with` : '';
}
