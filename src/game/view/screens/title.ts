// The title screen: the scenario, the seats, the seed, the switches, the saved game and the classroom.
import { chosenOption, describeChoice, formatDate } from '../../../sim';
import type { GameController } from '../../controller';
import { turnly } from '../presentation';
import type { Control, ControlGroup, PlainModel, Section } from '../model';
import { helpGroup } from './common';

export function titleScreen(c: GameController): PlainModel {
  const s = c.sc.scenario;
  const roles = s.roles.filter((r) => r.playable);
  const role = c.sc.roles[c.ui.role]!;
  const names = (ids: readonly string[]) => ids.map((r) => c.sc.roles[r]?.name ?? r).join(', ');
  const seats = c.ui.hotSeat ? c.ui.seats : [c.ui.role];
  const saved = savedGameText(c);
  const switched = describeChoice(s, c.ui.whatIf);
  const sections: Section[] = [
    { id: 'summary', heading: 'The crisis', lines: [s.summary] },
    {
      id: 'role',
      heading: `${saved ? 'A new game' : 'Your role'}: ${names(seats)}`,
      lines: [role.leader, role.briefing],
    },
    {
      id: 'seed',
      heading: saved ? 'Seed for a new game' : 'Seed',
      lines: [`"${c.ui.seed}" — the same seed and the same orders always give the same game.`],
    },
    ...whatIfTitleSections(c),
  ];
  const unopened = unopenedSaveText(c);
  const groups: ControlGroup[] = [];
  if (saved || unopened) {
    if (unopened) sections.unshift(unopened.section);
    if (saved) sections.unshift(saved.section);
    groups.push({
      id: 'saved',
      heading: saved ? 'Your saved game' : 'A save that could not be opened',
      controls: [...(saved ? [saved.control] : []), ...(unopened?.controls ?? [])],
    });
  }
  groups.push(
    scenarioGroup(c, saved !== null),
    {
      id: 'roles',
      heading: `${saved ? 'New game — c' : 'C'}hoose ${c.ui.hotSeat ? 'every role people play' : 'your role'}`,
      controls: roles.map((r, i) => ({
        id: `role-${r.id}`,
        label: r.name,
        detail: r.leader,
        key: String(i + 1),
        pressed: c.ui.hotSeat ? c.ui.seats.includes(r.id) : r.id === c.ui.role,
        run: () => c.chooseRole(r.id),
      })),
    },
    {
      id: 'mode',
      heading: saved ? 'New game — players' : 'Players',
      controls: [
        {
          id: 'dyad',
          label: 'Dyad: two players share each role',
          detail: 'the second player confirms each turn’s orders; disagreements go in the debrief',
          key: 'Y',
          pressed: c.ui.dyad,
          run: () => c.toggleDyad(),
        },
        {
          id: 'hot-seat',
          label: 'Hot seat: several roles on this screen',
          detail: c.ui.hotSeat
            ? `playing: ${names(c.ui.seats)} — each gives hidden orders in turn`
            : 'choose it, then pick every role people will play',
          key: 'H',
          pressed: c.ui.hotSeat,
          run: () => c.toggleHotSeat(),
        },
      ],
    },
    {
      id: 'game',
      heading: saved ? 'New game' : 'Game',
      controls: [
        {
          id: 'new-game',
          label: 'Start a new game',
          detail: `as ${names(seats)}, seed "${c.ui.seed}"${switched.length ? `, what-if: ${switched.join('; ')}` : ''}${saved ? ' — it replaces the saved game' : ''}`,
          key: 'N',
          run: () => c.newGame(),
        },
        { id: 'new-seed', label: 'New random seed', key: 'R', run: () => c.newSeed() },
        {
          id: 'open-record',
          label: 'Open a game record file…',
          detail: 'a record, a saved share link or a downloaded save; or drop the file on the page',
          key: 'O',
          run: () => c.pickRecordFile(),
        },
      ],
    },
    { id: 'class', heading: 'Classroom', controls: classroomControls(c) },
    ...whatIfGroups(c),
    helpGroup(c),
  );
  return {
    screen: 'title',
    title: s.title,
    subtitle: `${formatDate(s.startDate)} · ${s.turns} ${turnly(c.sc)} turns`,
    sections,
    groups,
  };
}

/** The scenario of a new game: one button that shows it and moves on to the next. */
function scenarioGroup(c: GameController, saved: boolean): ControlGroup {
  const ids = c.scenarioIds;
  const at = ids.indexOf(c.current.scenario.id);
  return {
    id: 'scenario',
    heading: saved ? 'New game — scenario' : 'Scenario',
    controls: [
      {
        id: 'scenario',
        label: c.current.scenario.title.replace(/^Brink: /, ''),
        detail: `scenario ${at + 1} of ${ids.length}, version ${c.current.scenario.version}; press to choose the next`,
        key: 'A',
        run: () => c.nextScenario(),
      },
    ],
  };
}

/** A save that could not be opened: kept, not deleted, until it is downloaded or discarded. */
function unopenedSaveText(c: GameController): { section: Section; controls: Control[] } | null {
  const [newest, ...older] = c.unopened;
  if (!newest) return null;
  const file = c.unopenedSaveFile();
  return {
    section: {
      id: 'unopened',
      heading: 'A saved game that could not be opened',
      lines: [
        newest.reason,
        'It is kept, not deleted. Download it to keep it as a file: a newer version of Brink may open it (drop the file on the page, or "Open a game record file…"). Discard it when it is no longer needed.',
        ...(older.length
          ? [
              `${older.length} older one${older.length > 1 ? 's are' : ' is'} kept too; each comes up here in turn.`,
            ]
          : []),
      ],
    },
    controls: [
      {
        id: 'download-unopened',
        label: 'Download the save that could not be opened',
        detail: file ? `as ${file.name}` : undefined,
        key: 'D',
        run: () => c.downloadUnopened(),
      },
      {
        id: 'discard-unopened',
        label: c.ui.confirmDiscard
          ? 'Really discard it? Press again to delete it'
          : 'Discard the save that could not be opened',
        detail: 'it cannot be recovered afterwards',
        pressed: c.ui.confirmDiscard,
        run: () => c.discardUnopenedSave(),
      },
    ],
  };
}

/** What the title says about the saved game: it resumes as it was played, whatever is chosen. */
function savedGameText(c: GameController): { section: Section; control: Control } | null {
  const saved = c.savedGame;
  if (!saved) return null;
  const { record, state, sc } = saved;
  const who = record.humans.map((r) => sc.roles[r]?.name ?? r).join(', ');
  const how = [
    ...(record.humans.length > 1 ? ['hot seat'] : []),
    ...(saved.dyad ? ['dyad'] : []),
    ...(saved.facilitator
      ? [record.clock ? `facilitator, ${record.clock} minutes a turn` : 'facilitator']
      : []),
  ];
  const where = state.phase === 'over' ? 'finished' : `turn ${state.turn} of ${sc.scenario.turns}`;
  const earlier = c.earlierVersion;
  const title = sc.scenario.title.replace(/^Brink: /, '');
  const detail = `${title}, as ${who}${how.length ? ` (${how.join(', ')})` : ''}, ${where}, seed "${record.seed}"`;
  return {
    section: {
      id: 'saved',
      heading: `Your saved game: ${title} — ${who}, ${where}`,
      lines: [
        `"Continue the saved game" resumes it exactly as it was saved: ${detail}. The role, players, seed and classroom choices on this screen are for a new game.`,
        ...(earlier
          ? [
              `This game continues with version ${earlier} of the scenario, the one it was started with: its rules stay as they were until it ends. A new game uses version ${(c.versions.currentOf(sc.scenario.id) ?? c.current).scenario.version}.`,
            ]
          : []),
      ],
    },
    control: {
      id: 'continue',
      label: 'Continue the saved game',
      detail,
      key: 'C',
      run: () => c.continueGame(),
    },
  };
}

/** The title's what-if switches, when shown: what each assumes, under the choice for a new game. */
function whatIfTitleSections(c: GameController): Section[] {
  const switches = c.current.scenario.whatIfs ?? [];
  if (!c.ui.whatIfOpen || !switches.length) return [];
  return [
    {
      id: 'what-if',
      heading: 'What-if switches for a new game',
      lines: [
        'Assumptions historians still argue about. The model as built is calibrated against history; a game under switched assumptions is not, so compare it with one of the model as built. The switches are part of the game’s record, share link and class code.',
        ...switches.map((w) => {
          const option = chosenOption(w, c.ui.whatIf);
          return `${w.name} — ${option.label}: ${option.description}`;
        }),
      ],
    },
  ];
}

/** The control that shows the switches and, when shown, one control per switch (press: next option). */
function whatIfGroups(c: GameController): ControlGroup[] {
  const switches = c.current.scenario.whatIfs ?? [];
  if (!switches.length) return [];
  const switched = describeChoice(c.current.scenario, c.ui.whatIf).length;
  const toggle: Control = {
    id: 'what-ifs',
    label: `What-if switches: ${switched ? `${switched} changed` : 'as modelled'}`,
    detail: c.ui.whatIfOpen
      ? 'press to hide them; the choice stays for the next new game'
      : 'for teachers: change an assumption of the model for the next new game',
    key: 'W',
    pressed: c.ui.whatIfOpen,
    run: () => c.toggleWhatIfs(),
  };
  if (!c.ui.whatIfOpen) return [{ id: 'what-if', heading: 'What if…', controls: [toggle] }];
  return [
    {
      id: 'what-if',
      heading: 'What if… (press a switch for its next option)',
      controls: [
        toggle,
        ...switches.map((w) => {
          const option = chosenOption(w, c.ui.whatIf);
          return {
            id: `what-if-${w.id}`,
            label: `${w.name}: ${option.label}`,
            detail: option.description,
            pressed: option.id !== w.options[0]!.id,
            run: () => c.cycleWhatIf(w.id),
          };
        }),
      ],
    },
  ];
}

function classroomControls(c: GameController): Control[] {
  const f = c.ui.facilitator;
  const controls: Control[] = [
    {
      id: 'facilitator',
      label: 'Facilitator mode',
      detail: f ? `class code ${c.classCode()}` : 'one seed and one clock for the whole class',
      key: 'F',
      pressed: f !== null,
      run: () => c.toggleFacilitator(),
    },
  ];
  if (f) {
    controls.push(
      {
        id: 'more-time',
        label: `Turn clock: ${f.minutes} min — add a minute`,
        key: '+',
        run: () => c.setTimer(f.minutes + 1),
      },
      {
        id: 'less-time',
        label: 'Take a minute off the clock',
        key: '-',
        disabled: f.minutes === 0,
        reason: 'The clock is already off.',
        run: () => c.setTimer(f.minutes - 1),
      },
    );
  }
  controls.push({
    id: 'join',
    label: 'Join with a class code…',
    detail: 'type the code your teacher shows',
    key: 'J',
    run: () => c.focusField('class-code-input'),
  });
  controls.push(
    {
      id: 'host-live',
      label: 'Host a live class…',
      detail: 'one crisis on every group’s device (needs npm run serve)',
      key: 'L',
      run: () => c.openLiveClass('host'),
    },
    {
      id: 'join-live',
      label: 'Join a live class…',
      detail: 'take a seat with the code on the projector',
      key: 'V',
      run: () => c.openLiveClass('join'),
    },
  );
  return controls;
}
