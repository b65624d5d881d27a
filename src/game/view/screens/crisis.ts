// The crisis room: the situation, intelligence, news and the action cards by track, with the turn's orders.
import {
  describeChoice,
  formatValue,
  headlineText,
  selectActions,
  selectDateLabel,
  selectIntel,
  selectLadder,
  selectMeters,
  selectNews,
  selectPending,
  selectWhy,
  type ActionView,
} from '../../../sim';
import type { GameController } from '../../controller';
import { presentationOf } from '../presentation';
import type { Control, ControlGroup, CrisisModel, Section } from '../model';
import { capitalised, helpGroup, playedWith } from './common';

function describeAction(a: ActionView): string {
  const effects = a.effects.map(
    (e) =>
      `${e.name} ${e.amount > 0 ? '+' : ''}${e.amount}${e.delay ? ` (in ${e.delay} turn${e.delay > 1 ? 's' : ''})` : ''}`,
  );
  const parts = [a.description];
  if (effects.length) parts.push(`Effects: ${effects.join(', ')}.`);
  if (a.commitment) parts.push(`${a.commitment.text}.`);
  if (a.roll) {
    parts.push(
      `${a.roll.label}: ${a.roll.chance}% chance.${a.roll.success.length ? ` If so: ${a.roll.success.join(', ')}.` : ''}${a.roll.failure.length ? ` If not: ${a.roll.failure.join(', ')}.` : ''}`,
    );
  }
  parts.push(
    `Goldstein ${a.goldstein > 0 ? '+' : ''}${a.goldstein}, escalation class ${a.escalationClass}, ${a.signal} signal.`,
  );
  if (a.locked) parts.push(`Locked: ${a.locked}`);
  return parts.join(' ');
}

export function crisisScreen(c: GameController): CrisisModel {
  const sc = c.sc;
  const state = c.state!;
  const role = sc.roles[c.ui.role]!;
  const actions = selectActions(sc, state, c.ui.role);
  const spent = actions.filter((a) => c.ui.draft.includes(a.id)).reduce((n, a) => n + a.cost, 0);
  const capital = state.capital[c.ui.role] ?? 0;
  const full = c.ui.draft.length >= role.maxActionsPerTurn;
  const meters = selectMeters(sc, state);
  const ladder = selectLadder(sc, state).find((r) => r.current);
  const sections: Section[] = [
    {
      id: 'status',
      heading: `Turn ${state.turn} of ${sc.scenario.turns} — ${selectDateLabel(sc, state.turn)}`,
      lines: [
        `Political capital: ${capital - spent} of ${capital} left this turn (${c.ui.draft.length} of ${role.maxActionsPerTurn} orders chosen).`,
        `Escalation ladder: ${ladder?.name ?? ''} (rung ${ladder?.level ?? ''}).`,
        ...(clockText(c) ? [clockText(c)] : []),
        c.ui.rationale
          ? `Your reason this turn: “${c.ui.rationale}”`
          : 'Your reason this turn: none yet (press Y to write one sentence; optional).',
      ],
    },
    {
      id: 'meters',
      heading: 'The situation',
      lines: meters.map(
        (m) =>
          `${m.name}: ${m.text}${m.lastChange ? ` (${m.lastChange > 0 ? '+' : ''}${m.lastChange} last turn)` : ''}`,
      ),
    },
  ];
  const why = c.ui.why ? whySection(c, c.ui.why) : null;
  if (why) sections.unshift(why);
  const pending = selectPending(sc, state);
  sections.push({
    id: 'pending',
    heading: 'Effects still to land',
    lines: pending.length
      ? pending.map(
          (p) =>
            `${p.name} ${p.amount > 0 ? '+' : ''}${p.amount} on turn ${p.landsOnTurn} — ${p.because}`,
        )
      : ['None.'],
  });
  sections.push({
    id: 'intel',
    heading: role.estimatesIntent
      ? `Intelligence estimates of ${presentationOf(sc).intentOf} intent`
      : `${capitalised(presentationOf(sc).intentOf)} intent (known to you)`,
    lines: selectIntel(sc, state, c.ui.role).map((i) =>
      'value' in i ? `${i.name}: ${i.value}` : `${i.name}: between ${i.low} and ${i.high}`,
    ),
  });
  const news = selectNews(sc, state).slice(0, 6);
  sections.push({
    id: 'news',
    heading: 'News',
    lines: news.length ? news.map((n) => `${n.date}: ${headlineText(n)}`) : ['No news yet.'],
  });

  const groups: ControlGroup[] = (['diplomacy', 'sanctions', 'deterrence'] as const).map(
    (track) => ({
      id: `track-${track}`,
      heading: presentationOf(sc).tracks[track],
      controls: actions
        .filter((a) => a.track === track)
        .map((a) => {
          const selected = c.ui.draft.includes(a.id);
          const reason = selected
            ? undefined
            : a.locked !== null
              ? `Locked: ${a.locked}`
              : a.cost > capital - spent
                ? `It costs ${a.cost} political capital and ${capital - spent} is left this turn.`
                : full
                  ? `${role.name} can give at most ${role.maxActionsPerTurn} orders a turn.`
                  : undefined;
          return {
            id: `action-${a.id}`,
            label: `${a.name} (${a.cost})`,
            detail: describeAction(a),
            pressed: selected,
            disabled: reason !== undefined,
            reason,
            run: () => c.toggleAction(a.id),
          };
        }),
    }),
  );
  const tracks = [...groups];
  const endTurn: Control = {
    id: 'end-turn',
    label: endTurnLabel(c),
    key: 'E',
    run: () => c.proposeOrders(),
  };
  groups.unshift({
    id: 'turn',
    heading: 'Orders',
    controls: [
      endTurn,
      {
        id: 'briefing',
        label: 'Read the briefing again',
        short: 'Briefing',
        key: 'B',
        run: () => c.showBriefing(),
      },
      {
        id: 'more-meters',
        label: c.ui.allMeters ? 'Show the main meters' : 'Show the other meters',
        short: c.ui.allMeters ? 'Main meters' : 'Other meters',
        key: 'M',
        pressed: c.ui.allMeters,
        run: () => c.toggleMeters(),
      },
      {
        id: 'title',
        label: 'Back to the title screen (the game is saved)',
        short: 'Title',
        key: 'Q',
        run: () => c.backToTitle(),
      },
    ],
  });
  let facilitator: CrisisModel['facilitator'] = null;
  const f = c.ui.facilitator;
  if (f) {
    const injectable = sc.scenario.events.filter(
      (e) =>
        e.injectable &&
        (e.repeatable || state.happened[e.id] === undefined) &&
        !state.injected.includes(e.id),
    );
    facilitator = {
      pause: {
        id: 'pause',
        label: f.paused ? 'Start the clock' : 'Pause the clock',
        key: 'P',
        pressed: !f.paused,
        run: () => c.togglePause(),
      },
      inject: {
        id: 'inject',
        label: 'Inject an event…',
        key: 'I',
        pressed: f.injecting,
        run: () => c.toggleInjecting(),
      },
      events: f.injecting
        ? injectable.map((e) => ({
            id: `inject-${e.id}`,
            label: `Inject: ${e.name}`,
            detail: e.description,
            run: () => c.inject(e.id),
          }))
        : [],
    };
    groups.push({
      id: 'facilitator',
      heading: 'Facilitator',
      controls: [facilitator.pause, facilitator.inject, ...facilitator.events],
    });
  }
  groups.push({
    id: 'why',
    heading: 'Why did it move?',
    controls: meters.map((m) => ({
      id: `why-${m.id}`,
      label: `Why: ${m.name}`,
      detail: `${m.text}${m.lastChange ? `, ${m.lastChange > 0 ? '+' : ''}${m.lastChange} last turn` : ''}`,
      pressed: c.ui.why === m.id,
      run: () => c.showWhy(c.ui.why === m.id ? null : m.id),
    })),
  });
  const help = helpGroup(c);
  groups.push(help);
  const [turn] = groups;
  const section = (id: string) => sections.find((s) => s.id === id)!;
  return {
    screen: 'crisis',
    title: `Crisis room — ${role.name}`,
    subtitle: `${selectDateLabel(sc, state.turn)}${playedWith(c.earlierVersion, 'started')}${underSwitches(c)}`,
    sections,
    groups,
    tracks,
    endTurn,
    orders: turn!.controls.slice(1),
    facilitator,
    help: help.controls,
    status: {
      lines: section('status').lines,
      intel: section('intel'),
      pending: section('pending').lines,
      news: section('news').lines,
    },
    why,
  };
}

/** A subtitle's mention of the what-if switches the game is played under ('' for none). */
function underSwitches(c: GameController): string {
  const switched = describeChoice(c.sc.scenario, c.state?.whatIf);
  return switched.length ? ` · what-if: ${switched.join('; ')}` : '';
}

function endTurnLabel(c: GameController): string {
  const n = c.ui.draft.length;
  const orders = n ? `${n} order${n > 1 ? 's' : ''}` : 'no orders';
  const next = c.nextSeat;
  return next
    ? `Done with ${orders}: pass to ${c.sc.roles[next]!.name}`
    : n
      ? `End turn with ${orders}`
      : 'End turn without orders';
}

export function clockText(c: GameController): string {
  const f = c.ui.facilitator;
  if (!f || f.minutes === 0) return '';
  const m = Math.floor(f.secondsLeft / 60);
  const s = String(f.secondsLeft % 60).padStart(2, '0');
  return `Time left this turn: ${m}:${s}${f.paused ? ' (paused)' : ''}`;
}

function whySection(c: GameController, key: string): Section {
  const why = selectWhy(c.sc, c.state!, key);
  if (!why)
    return {
      id: 'why',
      heading: `Why did ${c.sc.variables[key]?.name ?? key} move?`,
      lines: ['Nothing has happened yet: no turn has been resolved.'],
    };
  const lines = why.terms.length
    ? why.terms.map((t) => `${t.delta > 0 ? '▲ +' : '▼ '}${t.delta}: ${t.label}`)
    : ['It did not move last turn.'];
  return {
    id: 'why',
    heading: `Why did ${why.name} move on turn ${why.turn}? ${formatValue(c.sc, key, why.from)} → ${formatValue(c.sc, key, why.to)}`,
    lines,
  };
}
