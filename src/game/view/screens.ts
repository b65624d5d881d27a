// Builds each screen's model from the controller and the core's selectors.
import {
  describeAiOption,
  chosenOption,
  describeChoice,
  formatDate,
  formatValue,
  headlineText,
  selectActions,
  selectDateLabel,
  selectEnding,
  selectIntel,
  selectLadder,
  selectMeters,
  selectNews,
  selectPending,
  describeVictoryRule,
  selectScores,
  verdictOf,
  selectTurnEvents,
  selectTurnStory,
  changesText,
  selectTurningPoints,
  selectWhy,
  type ActionView,
} from '../../sim';
import type { GameController } from '../controller';
import { luckControl, luckSection, luckSettingControl } from './luck';
import type { Control, ControlGroup, ScreenModel, Section } from './model';
import { presentationOf, turnly, turnSpan } from './presentation';

/** A turn's dates: "Week of 6 January 2022", "16 October 1962", "3 days from 16 October 1962". */
function periodOf(sc: GameController['sc'], date: string): string {
  const days = sc.scenario.daysPerTurn;
  if (days === 1) return formatDate(date);
  return days === 7 ? `Week of ${formatDate(date)}` : `${days} days from ${formatDate(date)}`;
}

/** "What happened in the week of …", "What happened on …". */
function whatHappened(sc: GameController['sc'], date: string): string {
  const period = periodOf(sc, date);
  return sc.scenario.daysPerTurn === 1
    ? `What happened on ${period}`
    : `What happened in the ${period.replace(/^W/, 'w')}`;
}

const capitalised = (text: string) => text.replace(/^./, (l) => l.toUpperCase());

export function buildScreen(c: GameController): ScreenModel {
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

function helpGroup(c: GameController): ControlGroup {
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

function titleScreen(c: GameController): ScreenModel {
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
        { id: 'new-seed', label: 'New random seed', key: 'R', run: () => c.setSeed(randomSeed()) },
        {
          id: 'open-record',
          label: 'Open a game record file…',
          detail: 'a record, a saved share link or a downloaded save; or drop the file on the page',
          key: 'O',
          run: () => document.getElementById('record-file')?.click(),
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
        run: () => {
          if (!file) return;
          downloadFile(file.name, file.text);
          c.notify(`The save that could not be opened is downloaded as ${file.name}.`);
        },
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

/** A fresh seed: a word of diplomacy (no one crisis's places: every scenario uses them) and a number. */
export function randomSeed(): string {
  const words = [
    'summit',
    'envoy',
    'accord',
    'cable',
    'parley',
    'truce',
    'treaty',
    'hotline',
    'channel',
    'signal',
  ];
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return `${words[bytes[0]! % words.length]}-${(bytes[1]! % 9000) + 1000}`;
}

function briefingScreen(c: GameController): ScreenModel {
  const s = c.sc.scenario;
  const role = c.sc.roles[c.ui.role]!;
  const sections: Section[] = s.briefing.map((b, i) => ({
    id: `briefing-${i}`,
    heading: b.heading,
    lines: b.paragraphs.flatMap((p) => [
      p.text,
      ...p.sources.map((src) =>
        src.kind === 'article'
          ? `Source: AP, 30 Dec 2021 — “${src.quote}”`
          : `Source: ${src.reference ?? ''}`,
      ),
    ]),
  }));
  sections.push({
    id: 'objectives',
    heading: `Your objectives as ${role.name}`,
    lines: [
      role.briefing,
      ...role.objectives.map((o) => `${o.text.replace(/\.$/, '')} (weight ${o.weight}).`),
      describeVictoryRule(c.sc, role.id),
    ],
  });
  return {
    screen: 'briefing',
    title: 'Briefing',
    subtitle: `${role.name} · ${formatDate(s.startDate)}`,
    sections,
    groups: [
      {
        id: 'briefing',
        heading: 'Ready?',
        controls: [
          { id: 'begin', label: 'Enter the crisis room', key: 'Enter', run: () => c.beginCrisis() },
        ],
      },
      helpGroup(c),
    ],
  };
}

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

function crisisScreen(c: GameController): ScreenModel {
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
  if (c.ui.why) sections.unshift(whySection(c, c.ui.why));
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
          const blocked = !selected && (a.locked !== null || a.cost > capital - spent || full);
          return {
            id: `action-${a.id}`,
            label: `${a.name} (${a.cost})`,
            detail: describeAction(a),
            pressed: selected,
            disabled: blocked,
            run: () => c.toggleAction(a.id),
          };
        }),
    }),
  );
  groups.unshift({
    id: 'turn',
    heading: 'Orders',
    controls: [
      {
        id: 'end-turn',
        label: endTurnLabel(c),
        key: 'E',
        run: () => c.proposeOrders(),
      },
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
  const f = c.ui.facilitator;
  if (f) {
    const injectable = sc.scenario.events.filter(
      (e) =>
        e.injectable &&
        (e.repeatable || state.happened[e.id] === undefined) &&
        !state.injected.includes(e.id),
    );
    groups.push({
      id: 'facilitator',
      heading: 'Facilitator',
      controls: [
        {
          id: 'pause',
          label: f.paused ? 'Start the clock' : 'Pause the clock',
          key: 'P',
          pressed: !f.paused,
          run: () => c.togglePause(),
        },
        {
          id: 'inject',
          label: 'Inject an event…',
          key: 'I',
          pressed: f.injecting,
          run: () => c.toggleInjecting(),
        },
        ...(f.injecting
          ? injectable.map((e) => ({
              id: `inject-${e.id}`,
              label: `Inject: ${e.name}`,
              detail: e.description,
              run: () => c.inject(e.id),
            }))
          : []),
      ],
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
  groups.push(helpGroup(c));
  return {
    screen: 'crisis',
    title: `Crisis room — ${role.name}`,
    subtitle: `${selectDateLabel(sc, state.turn)}${playedWith(c.earlierVersion, 'started')}${underSwitches(c)}`,
    sections,
    groups,
  };
}

/** A subtitle's mention of the what-if switches the game is played under ('' for none). */
function underSwitches(c: GameController): string {
  const switched = describeChoice(c.sc.scenario, c.state?.whatIf);
  return switched.length ? ` · what-if: ${switched.join('; ')}` : '';
}

/** A subtitle's mention of the earlier scenario version a game is played with ('' for the current one). */
function playedWith(version: string | null, verb: 'started' | 'played'): string {
  return version ? ` · scenario version ${version}, the one this game was ${verb} with` : '';
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
        run: () => c.setTimer(f.minutes - 1),
      },
    );
  }
  controls.push({
    id: 'join',
    label: 'Join with a class code…',
    detail: 'type the code your teacher shows',
    key: 'J',
    run: () => document.getElementById('class-code-input')?.focus(),
  });
  return controls;
}

function confirmScreen(c: GameController): ScreenModel {
  const role = c.sc.roles[c.ui.role]!;
  const names = c.ui.draft.map((id) => c.sc.actions[id]?.name ?? id);
  return {
    screen: 'confirm',
    title: `Second player of ${role.name}: confirm?`,
    subtitle: `Turn ${c.state!.turn} · dyad`,
    sections: [
      {
        id: 'proposal',
        heading: 'Your partner proposes',
        lines: [
          ...(names.length ? names : ['No orders this turn.']),
          ...(c.ui.rationale ? [`Their reason: “${c.ui.rationale}”`] : []),
          'Both players of a role must agree. A refusal is recorded and shown in the debrief.',
        ],
      },
    ],
    groups: [
      {
        id: 'decide',
        heading: 'Decide',
        controls: [
          { id: 'confirm', label: 'Confirm these orders', key: 'Enter', run: () => c.endTurn() },
          {
            id: 'dispute',
            label: 'Disagree: send them back',
            key: 'D',
            run: () => c.disputeOrders(),
          },
        ],
      },
      helpGroup(c),
    ],
  };
}

function passScreen(c: GameController): ScreenModel {
  const role = c.sc.roles[c.ui.role]!;
  return {
    screen: 'pass',
    title: `Pass to ${role.name}`,
    subtitle: `Turn ${c.state!.turn} · hot seat`,
    sections: [
      {
        id: 'pass',
        heading: 'Orders are hidden',
        lines: [
          `The orders already given this turn stay hidden until the turn resolves. Hand the keyboard to the player of ${role.name} (${role.leader}).`,
        ],
      },
    ],
    groups: [
      {
        id: 'seat',
        heading: 'Ready?',
        controls: [
          {
            id: 'take-seat',
            label: `I play ${role.name}: show my crisis room`,
            key: 'Enter',
            run: () => c.takeSeat(),
          },
        ],
      },
      helpGroup(c),
    ],
  };
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
    ? why.terms.map((t) => `${t.delta > 0 ? '+' : ''}${t.delta}: ${t.label}`)
    : ['It did not move last turn.'];
  return {
    id: 'why',
    heading: `Why did ${why.name} move on turn ${why.turn}? ${formatValue(c.sc, key, why.from)} → ${formatValue(c.sc, key, why.to)}`,
    lines,
  };
}

function resolutionScreen(c: GameController): ScreenModel {
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

function debriefScreen(c: GameController): ScreenModel {
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
            run: () => downloadRecord(c),
          },
          { id: 'share', label: 'Copy a share link', key: 'L', run: () => copyShareLink(c) },
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

function viewerScreen(c: GameController): ScreenModel {
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
  return {
    screen: 'viewer',
    title: 'Replay',
    subtitle: `${v.turns === 0 ? 'The start' : `After turn ${v.turns}`} of ${v.total} · ${selectDateLabel(sc, Math.max(1, v.turns))}${playedWith((sc.asBuilt ?? sc) === c.current ? null : v.record.scenario.version, 'played')}`,
    sections,
    groups: [
      {
        id: 'step',
        heading: 'Step through',
        controls: [
          {
            id: 'prev',
            label: 'Previous turn',
            key: '←',
            disabled: v.turns === 0,
            run: () => c.viewTurn(v.turns - 1),
          },
          {
            id: 'next',
            label: 'Next turn',
            key: '→',
            disabled: v.turns === v.total,
            run: () => c.viewTurn(v.turns + 1),
          },
          {
            id: 'branch',
            label: `Branch a new game from ${v.turns === 0 ? 'the start' : `turn ${v.turns}`}`,
            key: 'B',
            run: () => c.branchHere(),
          },
          { id: 'close', label: 'Close the replay', key: 'Q', run: () => c.closeViewer() },
        ],
      },
      { id: 'turns', heading: 'Jump to', controls: turns },
      helpGroup(c),
    ],
  };
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

function copyShareLink(c: GameController): void {
  const link = c.shareLink(location.href);
  if (!link) return;
  const done = () =>
    c.notify(
      `Share link copied (${link.length} characters). Anyone who opens it sees this game replayed, with hash ${c.hash()}.`,
    );
  const fallback = () => c.notify(`Copy this share link: ${link}`);
  if (navigator.clipboard) navigator.clipboard.writeText(link).then(done, fallback);
  else fallback();
}

function downloadRecord(c: GameController): void {
  const record = c.record();
  if (!record) return;
  downloadFile(`brink-${record.scenario.id}-${record.seed}.json`, JSON.stringify(record, null, 2));
  c.notify('The game record has been downloaded.');
}

/** Saves `text` as a file through the browser's download (no network). */
function downloadFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
