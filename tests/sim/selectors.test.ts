import { describe, expect, it } from 'vitest';
import {
  selectDateLabel,
  COUNTERFACTUAL_LABEL,
  createGame,
  headlineText,
  reduce,
  selectNews,
  selectTurnEvents,
  selectTurnStory,
  turnStoryLines,
  changesText,
  gameSeed,
  playGame,
  type GameState,
  type Order,
} from '../../src/sim';
import { ukraine } from '../support/scenario';
import { shipped } from './support/shipped';

const sc = ukraine();

function play(state: GameState, order: Order): GameState {
  const { state: next, error } = reduce(sc, state, order);
  expect(error).toBeNull();
  return next;
}

/** One turn in which a facilitator injects a counterfactual event and a real one. */
function injectedTurn(): GameState {
  let state = createGame(sc, { seed: 'counterfactual', humans: [] });
  state = play(state, { type: 'facilitator/eventInjected', event: 'gridCyberattack' });
  state = play(state, { type: 'facilitator/eventInjected', event: 'intelligenceLeak' });
  return play(state, { type: 'turn/ended' });
}

describe('events that did not happen', () => {
  const state = injectedTurn();
  const report = state.reports[0]!;

  it('are marked in the turn’s headlines and in the news, and real events are not', () => {
    const events = selectTurnEvents(sc, report);
    expect(events.find((e) => e.event === 'gridCyberattack')?.counterfactual).toBe(true);
    expect(events.find((e) => e.event === 'intelligenceLeak')?.counterfactual).toBe(false);
    const news = selectNews(sc, state).map(headlineText);
    expect(news).toContain(`${sc.events.gridCyberattack!.headline} (${COUNTERFACTUAL_LABEL})`);
    expect(news).toContain(sc.events.intelligenceLeak!.headline);
  });

  it('carry the label in the turn story that the text view and the printed report show', () => {
    const story = turnStoryLines(selectTurnStory(sc, report)).join('\n');
    expect(story).toContain(
      `Event: ${sc.events.gridCyberattack!.headline} (plausible, did not happen)`,
    );
    expect(story).toContain(`Event: ${sc.events.intelligenceLeak!.headline}\n`);
  });
});

describe('the date of a turn', () => {
  it('is a week’s range for weekly turns and a single day for daily ones', () => {
    expect(selectDateLabel(ukraine(), 1)).toBe('30 Dec 2021 – 5 Jan 2022');
    expect(selectDateLabel(shipped('cuba-1962'), 7)).toBe('22 Oct 1962');
  });
});

describe('the story of a turn', () => {
  const { state } = playGame(sc, gameSeed('story', 3), {});
  const report = state.reports[2]!;
  const story = selectTurnStory(sc, report);

  it('is data a page reads without parsing text: orders, reasoning, changes', () => {
    expect(story.heading).toMatch(/^Turn 3 — week of /);
    const orders = story.items.filter((i) => i.kind === 'orders');
    expect(orders).toHaveLength(report.orders.length);
    // The options the computer weighed sit under its reasoning, one level down.
    const options = story.items.filter((i) => i.kind === 'option');
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((i) => i.depth === 2 && /^[+x-] /.test(i.text))).toBe(true);
    // The changes are the report's own, netted by variable.
    for (const change of story.changes) {
      const net = report.changes
        .filter((c) => c.key === change.key)
        .reduce((n, c) => n + c.delta, 0);
      expect(change.delta).toBe(net);
      expect(change.name).toBe(sc.variables[change.key]!.name);
    }
    expect(story.items.find((i) => i.kind === 'changes')?.text).toBe(
      `Changes: ${changesText(story.changes)}`,
    );
  });

  it('as text is the heading and its lines indented two spaces a level', () => {
    const lines = turnStoryLines(story);
    expect(lines[0]).toBe(story.heading);
    expect(lines.slice(1)).toEqual(story.items.map((i) => `${'  '.repeat(i.depth)}${i.text}`));
    expect(lines.at(-1)).toMatch(/^ {2}Escalation score -?\d+; ladder .+ → .+$/);
  });
});
