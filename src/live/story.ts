// What the live page shows of the game itself, from the state it folded: the last turn's story
// (the core's selectTurnStory, without the computer's weighing of options), the ending, and the
// turn's date. Shared by the projector and the student's seat.
import {
  selectDateLabel,
  selectEnding,
  selectTurnStory,
  type CompiledScenario,
  type GameState,
} from '../sim';
import { el } from './dom';

/** "Turn 3 of 10 · week of 13 January 2022". */
export function turnLine(sc: CompiledScenario, state: GameState): string {
  return `Turn ${state.turn} of ${sc.scenario.turns} · ${selectDateLabel(sc, state.turn)}`;
}

/** The last resolved turn told as a list, or null before the first. */
export function lastTurnStory(sc: CompiledScenario, state: GameState): HTMLElement | null {
  const report = state.reports[state.reports.length - 1];
  if (!report) return null;
  const story = selectTurnStory(sc, report);
  const list = el('ul', { class: 'story' });
  for (const item of story.items) {
    if (item.kind === 'reasoning' || item.kind === 'option') continue;
    list.append(el('li', { class: `story-${item.kind} depth-${item.depth}` }, item.text));
  }
  return el('section', { class: 'last-turn' }, el('h2', null, story.heading), list);
}

/** The ending reached, as a heading and its summary, or null while the game runs. */
export function endingView(sc: CompiledScenario, state: GameState): HTMLElement | null {
  const ending = selectEnding(sc, state);
  if (!ending) return null;
  return el(
    'section',
    { class: 'ending' },
    el('h2', null, `Ending: ${ending.name}`),
    el('p', null, `${ending.date}. ${ending.description}`),
  );
}
