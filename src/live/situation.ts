// What a seat knows of the crisis, from the game its page follows: the role's briefing and
// political capital, the main variables, its intelligence on the hidden intent, and the news.
// The core's selectors give the data; this words it for the page.
import {
  headlineText,
  presentationOf,
  selectIntel,
  selectMeters,
  selectNews,
  type CompiledScenario,
  type GameState,
} from '../sim';
import { el } from './dom';

/** How many news items the seat shows, newest first. */
const NEWS_SHOWN = 6;

export function situationView(sc: CompiledScenario, state: GameState, role: string): HTMLElement {
  const spec = sc.roles[role]!;
  return el(
    'section',
    { class: 'situation', attrs: { 'aria-label': 'Your situation' } },
    el('h2', null, 'Your briefing'),
    el('p', { class: 'briefing' }, spec.briefing),
    el(
      'p',
      { class: 'capital' },
      `Political capital: ${state.capital[role] ?? 0} (at most ${spec.capital.max}, +${spec.capital.perTurn} a turn)`,
    ),
    meters(sc, state),
    intel(sc, state, role),
    news(sc, state),
  );
}

function meters(sc: CompiledScenario, state: GameState): HTMLElement {
  const main = new Set(presentationOf(sc).mainVariables);
  const rows = selectMeters(sc, state)
    .filter((m) => main.has(m.id))
    .map((m) =>
      el(
        'li',
        null,
        `${m.name}: ${m.text}`,
        m.lastChange ? ` (${m.lastChange > 0 ? '+' : ''}${m.lastChange} last turn)` : '',
      ),
    );
  return el('div', null, el('h3', null, 'The situation'), el('ul', { class: 'meters' }, ...rows));
}

function intel(sc: CompiledScenario, state: GameState, role: string): HTMLElement {
  const rows = selectIntel(sc, state, role).map((i) =>
    el(
      'li',
      null,
      `${i.name}: ${'value' in i ? `${i.value} (you know it)` : `between ${i.low} and ${i.high} (your estimate)`}`,
    ),
  );
  return el('div', null, el('h3', null, 'Intelligence'), el('ul', { class: 'intel' }, ...rows));
}

function news(sc: CompiledScenario, state: GameState): HTMLElement {
  const items = selectNews(sc, state).slice(0, NEWS_SHOWN);
  return el(
    'div',
    null,
    el('h3', null, 'News'),
    items.length
      ? el(
          'ul',
          { class: 'news' },
          ...items.map((n) => el('li', null, `${n.date}: ${headlineText(n)}`)),
        )
      : el('p', null, 'No news yet.'),
  );
}
