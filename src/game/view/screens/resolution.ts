// The resolution of a turn: what each side did, what happened, and how the numbers moved.
import {
  describeAiOption,
  headlineText,
  selectEnding,
  selectTurnEvents,
  selectTurnStory,
  changesText,
} from '../../../sim';
import type { GameController } from '../../controller';
import { turnSpan } from '../presentation';
import type { PlainModel } from '../model';
import { periodOf, helpGroup } from './common';

export function resolutionScreen(c: GameController): PlainModel {
  const sc = c.sc;
  const state = c.state!;
  const report = state.reports[state.reports.length - 1]!;
  const story = selectTurnStory(sc, report);
  const did = report.orders.map((o) => {
    const name = sc.roles[o.role]?.name ?? o.role;
    const acts = o.actions.map((id) => sc.actions[id]?.name ?? id);
    const reason = o.rationale ? ` — “${o.rationale}”` : '';
    const who = o.byAi ? '' : c.session!.record.humans.length > 1 ? ' (a player)' : ' (you)';
    return `${name}${who}: ${acts.length ? acts.join('; ') : 'no orders'}${reason}`;
  });
  const reasons = report.ai.flatMap((d) => {
    const chosen = d.considered.filter((o) => d.chosen.includes(o.action)).slice(0, 2);
    return chosen.map((o) => `${sc.roles[d.role]?.name ?? d.role}: ${describeAiOption(sc, o)}`);
  });
  const rolls = report.rolls
    .filter((r) => !r.event || report.events.includes(r.event) || r.action)
    .map((r) => `${r.label}: ${r.chance}% chance — ${r.success ? 'yes' : 'no'}`);
  const headlines = selectTurnEvents(sc, report).map(headlineText);
  const changes = story.changes.length > 0 ? changesText(story.changes) : 'Nothing moved.';
  const ending = selectEnding(sc, state);
  return {
    screen: 'resolution',
    title: `What happened — turn ${report.turn}`,
    subtitle: periodOf(c.sc, report.date),
    sections: [
      { id: 'orders', heading: 'What every side did', lines: did },
      {
        id: 'headlines',
        heading: 'Headlines',
        lines: headlines.length ? headlines : [`No major events this ${turnSpan(c.sc)}.`],
      },
      { id: 'rolls', heading: 'Rolls', lines: rolls.length ? rolls : ['No rolls this turn.'] },
      {
        id: 'reasons',
        heading: "Why the computer's governments chose as they did",
        lines: reasons,
      },
      {
        id: 'changes',
        heading: 'What changed',
        lines: [changes, `Escalation score this turn: ${report.escalationScore}.`],
      },
      ...(ending
        ? [
            {
              id: 'ending',
              heading: `The crisis ends: ${ending.name}`,
              lines: [ending.description],
            },
          ]
        : []),
    ],
    groups: [
      {
        id: 'next',
        heading: 'Next',
        controls: [
          {
            id: 'continue',
            label: ending ? 'See the debrief' : `On to turn ${state.turn}`,
            key: 'Enter',
            run: () => c.afterResolution(),
          },
        ],
      },
      helpGroup(c),
    ],
  };
}
