// The viewer: a recorded game stepped through turn by turn.
import { selectDateLabel, selectEnding, selectTurnStory } from '../../../sim';
import type { GameController } from '../../controller';
import type { Control, Section, ViewerModel } from '../model';
import { whatHappened, helpGroup, playedWith } from './common';

export function viewerScreen(c: GameController): ViewerModel {
  const sc = c.sc;
  const v = c.viewer!;
  const state = v.state;
  const report = state.reports[state.reports.length - 1];
  const humans =
    v.record.humans.map((h) => sc.roles[h]?.name ?? h).join(', ') || 'nobody (all computer)';
  const sections: Section[] = [
    {
      id: 'about',
      heading: v.turns === 0 ? 'The start' : `Turn ${v.turns} of ${v.total}`,
      lines: [
        `Seed "${v.record.seed}"; played by ${humans}; final-state hash ${v.finalHash}.`,
        ...(v.record.parent
          ? [`Branched from turn ${v.record.parent.turn} of game ${v.record.parent.hash}.`]
          : []),
      ],
    },
  ];
  if (report) {
    sections.push({
      id: 'story',
      heading: whatHappened(sc, report.date),
      lines: selectTurnStory(sc, report).items.map((item) => item.text),
    });
  } else {
    sections.push({ id: 'story', heading: 'Before the first turn', lines: [sc.scenario.summary] });
  }
  const ending = v.turns === v.total ? selectEnding(sc, state) : null;
  if (ending)
    sections.push({
      id: 'ending',
      heading: `Ending: ${ending.name}`,
      lines: [ending.description, ...ending.causes],
    });
  const turns: Control[] = [];
  for (let t = 0; t <= v.total; t++) {
    turns.push({
      id: `turn-${t}`,
      label: t === 0 ? 'Start' : `Turn ${t}`,
      pressed: t === v.turns,
      run: () => c.viewTurn(t),
    });
  }
  const step: Control[] = [
    {
      id: 'prev',
      label: 'Previous turn',
      key: '←',
      disabled: v.turns === 0,
      reason: 'This is the start of the game.',
      run: () => c.viewTurn(v.turns - 1),
    },
    {
      id: 'next',
      label: 'Next turn',
      key: '→',
      disabled: v.turns === v.total,
      reason: 'This is the last turn played.',
      run: () => c.viewTurn(v.turns + 1),
    },
    {
      id: 'branch',
      label: `Branch a new game from ${v.turns === 0 ? 'the start' : `turn ${v.turns}`}`,
      key: 'B',
      run: () => c.branchHere(),
    },
    { id: 'close', label: 'Close the replay', key: 'Q', run: () => c.closeViewer() },
  ];
  const help = helpGroup(c);
  return {
    screen: 'viewer',
    title: 'Replay',
    subtitle: `${v.turns === 0 ? 'The start' : `After turn ${v.turns}`} of ${v.total} · ${selectDateLabel(sc, Math.max(1, v.turns))}${playedWith((sc.asBuilt ?? sc) === c.current ? null : v.record.scenario.version, 'played')}`,
    sections,
    groups: [
      { id: 'step', heading: 'Step through', controls: step },
      { id: 'turns', heading: 'Jump to', controls: turns },
      help,
    ],
    step,
    help: help.controls,
  };
}
