// The debrief: the ending, the scores, the turning points and what to take away from the game.
import {
  describeChoice,
  formatDate,
  selectEnding,
  selectIntel,
  selectScores,
  verdictOf,
  selectTurningPoints,
} from '../../../sim';
import type { GameController } from '../../controller';
import { luckControl, luckSection, luckSettingControl } from '../luck';
import { presentationOf } from '../presentation';
import type { PlainModel, Section } from '../model';
import { capitalised, helpGroup, playedWith } from './common';

export function debriefScreen(c: GameController): PlainModel {
  const sc = c.sc;
  const state = c.state!;
  const ending = selectEnding(sc, state);
  const scores = selectScores(sc, state);
  const mine = scores.find((s) => s.role === c.ui.role)!;
  const intel = selectIntel(sc, state, c.ui.role);
  const sections: Section[] = [
    {
      id: 'ending',
      heading: ending ? `${ending.name} — ${ending.date}` : 'The game is over',
      lines: ending ? [ending.description, ...ending.causes.map((x) => `Cause: ${x}`)] : [],
    },
    {
      id: 'score',
      heading: `Your score: ${mine.score} of 100 — objectives ${verdictOf(mine)}`,
      lines: mine.objectives.map(
        (o) => `${o.text.replace(/\.$/, '')}: ${o.value}/100 (weight ${o.weight})`,
      ),
    },
    {
      id: 'scores',
      heading: 'Every side',
      lines: scores.map((s) => `${s.name}: ${s.score} (${verdictOf(s)})`),
    },
    ...whatIfSection(c),
    ...luckSection(c),
    {
      id: 'turning-points',
      heading: 'Turning points',
      lines: selectTurningPoints(sc, state, presentationOf(sc).mainVariables, 6).map(
        (p) =>
          `Turn ${p.turn} (${p.date}): ${p.name} ${p.delta > 0 ? '+' : ''}${p.delta} — ${p.causes.join('; ')}`,
      ),
    },
    {
      id: 'intent',
      heading: `${capitalised(presentationOf(sc).intentOf)} hidden intent, revealed`,
      lines: sc.scenario.hiddenIntent.map((spec) => {
        const estimate = intel.find((i) => i.id === spec.id);
        const seen =
          estimate && 'low' in estimate
            ? ` — your estimate: ${estimate.low} to ${estimate.high}`
            : '';
        return `${spec.name}: ${state.hidden[spec.id]}${seen}`;
      }),
    },
    { id: 'reasons', heading: "The players' reasons, turn by turn", lines: rationales(c) },
    ...(state.disputes.length
      ? [
          {
            id: 'disputes',
            heading: 'Where the partners disagreed',
            lines: state.disputes.map(
              (d) =>
                `Turn ${d.turn}, ${sc.roles[d.role]?.name ?? d.role}: refused ${d.actions.map((id) => sc.actions[id]?.name ?? id).join('; ') || 'giving no orders'}${d.note ? ` (“${d.note}”)` : ''}`,
            ),
          },
        ]
      : []),
    {
      id: 'history',
      heading: 'What actually happened',
      lines: sc.scenario.whatHappened.map((e) => `${formatDate(e.date)}: ${e.text}`),
    },
    {
      id: 'questions',
      heading: 'Questions for discussion',
      lines: sc.scenario.discussionQuestions,
    },
  ];
  return {
    screen: 'debrief',
    title: 'Debrief',
    subtitle: `${sc.roles[c.ui.role]!.name} · seed "${state.seed}" · hash ${c.hash()}${playedWith(c.earlierVersion, 'played')}`,
    sections,
    groups: [
      {
        id: 'after',
        heading: 'After the game',
        controls: [
          {
            id: 'download',
            label: 'Download the game record',
            key: 'D',
            run: () => c.downloadRecord(),
          },
          { id: 'share', label: 'Copy a share link', key: 'L', run: () => c.copyShareLink() },
          luckControl(c),
          ...luckSettingControl(c),
          { id: 'view', label: 'Step through this game', key: 'S', run: () => c.viewCurrentGame() },
          { id: 'title', label: 'Back to the title screen', key: 'N', run: () => c.backToTitle() },
        ],
      },
      helpGroup(c),
    ],
  };
}

/** The what-if switches a game was played under, when it was (none for the model as built). */
function whatIfSection(c: GameController): Section[] {
  const switched = describeChoice(c.sc.scenario, c.state?.whatIf);
  if (!switched.length) return [];
  return [
    {
      id: 'what-if',
      heading: 'Played under what-if switches',
      lines: [
        ...switched,
        'These assumptions differ from the model as built: compare with a game of the model as built before drawing lessons about history.',
      ],
    },
  ];
}

function rationales(c: GameController): string[] {
  const lines: string[] = [];
  for (const report of c.state!.reports) {
    for (const o of report.orders) {
      if (o.rationale)
        lines.push(`Turn ${report.turn}, ${c.sc.roles[o.role]?.name ?? o.role}: “${o.rationale}”`);
    }
  }
  return lines.length ? lines : ['No reasons were written down.'];
}
