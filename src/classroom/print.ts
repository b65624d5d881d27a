// Printable material: a teacher pack built from the scenario (briefing, role cards, glossary,
// questions, and what actually happened on its own page at the end), and a report of a game when
// one comes in a share link (`print.html#game=…`) or a record file.
import {
  addDays,
  formatDate,
  formatValue,
  LINK_KEY,
  MAX_SEED,
  nameOf,
  selectDate,
  selectEnding,
  selectIntel,
  describeVictoryRule,
  selectScores,
  verdictOf,
  selectSeries,
  selectTurningPoints,
  selectTurnStory,
  describeSetting,
  AS_MODELLED_WORDS,
  type CompiledScenario,
  type GameRecord,
  type GameState,
  type ObjectiveMeasure,
  type Role,
  type Source,
  presentationOf,
} from '../sim';
import { escalationChart } from './chart';
import { CHECK_WORDS } from './compare';
import {
  append,
  button,
  columnHeads,
  dataTable,
  el,
  kicker,
  pageNav,
  shortened,
  shortText,
  sourceLink,
} from './dom';
import type { Verification } from './entries';
import { openFiles, type NamedGame } from './files';
import { lessonKit } from './lesson-kit';
import { whatIfGuide } from './what-if-guide';
import type { ScenarioVersions } from '../browser/scenario-versions';
import { openGames, startPage } from './scenario';

const ARTICLE = 'News article of 30 December 2021 (the scenario’s seed)';

function sourceItem(source: Source): HTMLElement {
  if (source.kind === 'article') {
    return el('li', null, source.quote ? `“${source.quote}” — ` : '', ARTICLE);
  }
  return el(
    'li',
    null,
    source.reference ?? 'Research notes',
    source.url ? ' — ' : '',
    source.url ? sourceLink(source.url) : null,
  );
}

function cover(sc: CompiledScenario): HTMLElement {
  const s = sc.scenario;
  const playable = s.roles.filter((r) => r.playable);
  const computer = s.roles.filter((r) => !r.playable);
  const last = addDays(selectDate(sc, s.turns), s.daysPerTurn - 1);
  const facts = el('dl', { class: 'facts' });
  const fact = (term: string, ...value: (string | HTMLElement)[]) =>
    append(facts, [el('dt', null, term), el('dd', null, ...value)]);
  fact(
    'Length',
    `${s.turns} turns of ${s.daysPerTurn === 7 ? 'one week' : s.daysPerTurn === 1 ? 'one day' : `${s.daysPerTurn} days`}, from ${formatDate(s.startDate)} to ${formatDate(last)}`,
  );
  fact('Roles for teams', playable.map((r) => `${r.name} (${r.leader})`).join('; '));
  if (computer.length) fact('Played by the computer', computer.map((r) => r.name).join('; '));
  fact('Scenario', `${s.id}, version ${s.version}, content hash `, el('code', null, sc.hash));
  return el(
    'section',
    { class: 'cover' },
    kicker('Teacher pack'),
    el('h1', null, s.title),
    el('p', { class: 'lead' }, s.summary),
    facts,
    el('h2', null, 'Using this pack'),
    el(
      'ul',
      null,
      el(
        'li',
        null,
        'Everyone reads the briefing. Each team gets the role card of the side it plays; any role without a team is played by the computer.',
      ),
      el('li', null, 'The glossary and the questions can go to everyone.'),
      sc.scenario.whatIfs?.length
        ? el(
            'li',
            null,
            '“What-if switches” (for the teacher) explains the assumptions a game can be set to play under, and how to use them in class.',
          )
        : null,
      el(
        'li',
        null,
        'The lesson kit plans a 45-minute lesson: the plan, core questions and quiz answers are for the teacher; the quiz and each team’s private brief are pages to hand out.',
      ),
      el(
        'li',
        null,
        '“What actually happened” is on the last page: keep it back until the debrief, so hindsight stays out of play.',
      ),
    ),
  );
}

function briefing(sc: CompiledScenario): HTMLElement {
  const section = el('section', { class: 'briefing' }, el('h2', null, 'Briefing'));
  for (const part of sc.scenario.briefing) {
    section.append(el('h3', null, part.heading));
    for (const p of part.paragraphs) {
      section.append(el('p', null, p.text));
      if (p.sources.length) {
        section.append(
          el(
            'ul',
            { class: 'sources', attrs: { 'aria-label': 'Sources' } },
            ...p.sources.map(sourceItem),
          ),
        );
      }
    }
  }
  return section;
}

/** How an objective is scored, in words a student reads. */
function scoring(sc: CompiledScenario, m: ObjectiveMeasure): string {
  if ('endings' in m) {
    const endings = Object.entries(m.endings)
      .sort(([, a], [, b]) => b - a)
      .map(
        ([id, points]) => `${sc.scenario.endings.find((e) => e.id === id)?.name ?? id} ${points}`,
      );
    return `By the ending (points out of 100): ${endings.join(', ')}.`;
  }
  const v = sc.variables[m.var];
  const from = m.from ?? v?.min ?? 0;
  const to = m.to ?? v?.max ?? 100;
  const at = (value: number) => formatValue(sc, m.var, value);
  const name = nameOf(sc, m.var);
  return m.better === 'higher'
    ? `${name} at the end, higher is better: nothing at ${at(from)} or below, full points at ${at(to)} or above.`
    : `${name} at the end, lower is better: full points at ${at(from)} or below, nothing at ${at(to)} or above.`;
}

function roleCard(sc: CompiledScenario, role: Role): HTMLElement {
  const total = role.objectives.reduce((sum, o) => sum + o.weight, 0) || 1;
  const rows = role.objectives.map((o) =>
    el(
      'tr',
      null,
      el('td', null, o.text),
      el('td', { class: 'num' }, `${Math.round((o.weight * 100) / total)}%`),
      el('td', { class: 'how' }, scoring(sc, o.measure)),
    ),
  );
  return el(
    'section',
    { class: 'role-card new-page', attrs: { 'data-role': role.id } },
    kicker('Role card'),
    el('h2', null, role.name),
    el('p', { class: 'leader' }, `You are: ${role.leader}`),
    el('h3', null, 'Your situation'),
    el('p', null, role.briefing),
    el('h3', null, 'Your objectives'),
    dataTable('objectives', ['Objective', 'Weight', 'How it is scored'], rows),
    el(
      'p',
      { class: 'needed' },
      `Your score is the weighted average of these objectives, out of 100. ${describeVictoryRule(sc, role.id)}`,
    ),
    el(
      'p',
      null,
      `Political capital: ${role.capital.start} at the start, ${role.capital.perTurn} more each turn (at most ${role.capital.max}); up to ${role.maxActionsPerTurn} action${role.maxActionsPerTurn === 1 ? '' : 's'} a turn.`,
    ),
  );
}

function glossary(sc: CompiledScenario): HTMLElement {
  const list = el('dl', { class: 'glossary' });
  for (const g of sc.scenario.glossary) {
    list.append(el('div', null, el('dt', null, g.term), el('dd', null, g.definition)));
  }
  return el(
    'section',
    { class: 'glossary-section new-page', id: 'glossary' },
    el('h2', null, 'Glossary'),
    list,
  );
}

function questions(sc: CompiledScenario): HTMLElement {
  return el(
    'section',
    { class: 'questions' },
    el('h2', null, 'Questions for the debrief'),
    el('ol', null, ...sc.scenario.discussionQuestions.map((q) => el('li', null, q))),
  );
}

function modelCard(sc: CompiledScenario): HTMLElement {
  const section = el(
    'section',
    { class: 'model-card new-page' },
    el('h2', null, 'About the model (for the teacher)'),
  );
  for (const entry of sc.scenario.modelCard) {
    section.append(
      el(
        'div',
        { class: 'entry' },
        el('h3', null, entry.subject),
        el('p', null, entry.explanation),
        entry.sources.length
          ? el('p', { class: 'source-line' }, `Sources: ${entry.sources.join('; ')}`)
          : null,
      ),
    );
  }
  return section;
}

function whatHappened(sc: CompiledScenario): HTMLElement {
  return el(
    'section',
    { class: 'answers new-page', id: 'what-happened' },
    el(
      'p',
      { class: 'debrief-only' },
      'For the debrief only — keep this page back until the game is over.',
    ),
    el('h2', null, 'What actually happened'),
    el(
      'ol',
      { class: 'timeline' },
      ...sc.scenario.whatHappened.map((entry) =>
        el(
          'li',
          null,
          el('strong', null, formatDate(entry.date)),
          ' ',
          entry.text,
          el('span', { class: 'source-line' }, ' Source: ', sourceLink(entry.source)),
        ),
      ),
    ),
  );
}

// ——— The report of one game ———

function reportFacts(
  sc: CompiledScenario,
  record: GameRecord | null,
  outcome: Verification,
  current: CompiledScenario,
) {
  const facts = el('dl', { class: 'facts' });
  const fact = (term: string, ...value: (string | HTMLElement)[]) =>
    append(facts, [el('dt', null, term), el('dd', null, ...value)]);
  fact(
    'Scenario',
    record && sc !== current && sc.scenario.id === current.scenario.id
      ? `${sc.scenario.title} (played with version ${record.scenario.version}, an earlier version than this page’s ${current.scenario.version}: replayed with the rules of version ${sc.scenario.version}, kept for its games)`
      : `${sc.scenario.title} (version ${sc.scenario.version})`,
  );
  if (record) {
    // Near the top: a game under switches was played by other rules than the pack describes.
    const setting = describeSetting(sc.scenario, record.whatIf);
    fact(
      'What-if setting',
      setting === AS_MODELLED_WORDS
        ? 'As modelled (no what-if switch changed)'
        : el('strong', { class: 'switched' }, setting),
    );
    // Any legal seed whole (it wraps); a longer one, from before seeds had a limit, shortened.
    fact('Seed', el('code', null, shortText(record.seed, MAX_SEED)));
    fact(
      'Played by the group',
      record.humans.length
        ? record.humans.map((h) => sc.roles[h]?.name ?? h).join(', ')
        : 'no role (the computer played them all)',
    );
  }
  if (outcome.status !== 'failed') {
    fact('Final hash', el('code', null, outcome.hash));
    // The class view's words first, so the report and the table say the same.
    const words = CHECK_WORDS[outcome.status];
    fact('Replay check', el('strong', null, `${words.short}.`), ` ${words.long}`);
  }
  return facts;
}

function endingPart(sc: CompiledScenario, state: GameState): HTMLElement[] {
  const ending = selectEnding(sc, state);
  if (!ending) {
    return [
      el('h2', null, 'No ending yet'),
      el('p', null, `The game stopped on turn ${state.turn}, before any ending was reached.`),
    ];
  }
  return [
    el('h2', null, `Ending: ${ending.name} — turn ${ending.turn}, ${ending.date}`),
    el('p', null, ending.description),
    el('h3', null, 'Why it ended this way'),
    el('ul', null, ...ending.causes.map((c) => el('li', null, c))),
  ];
}

function scoresPart(sc: CompiledScenario, record: GameRecord, state: GameState): HTMLElement[] {
  const scores = selectScores(sc, state);
  const human = (role: string) => record.humans.includes(role);
  const table = el(
    'table',
    { class: 'data' },
    el(
      'thead',
      null,
      el('tr', null, ...columnHeads(['Role', 'Played by', 'Score', 'Needed', 'Objectives'])),
    ),
    el(
      'tbody',
      null,
      ...scores.map((s) =>
        el(
          'tr',
          null,
          el('th', { attrs: { scope: 'row' } }, s.name),
          el('td', null, human(s.role) ? 'the group' : 'the computer'),
          el('td', { class: 'num' }, s.score),
          el('td', { class: 'num' }, sc.roles[s.role]?.victoryScore ?? ''),
          el('td', null, s.victory ? '✔ met' : verdictOf(s)),
        ),
      ),
    ),
  );
  const shown = scores.filter((s) => human(s.role));
  const detail = (shown.length ? shown : scores).map((s) =>
    el(
      'div',
      { class: 'objectives-detail' },
      el('h3', null, `${s.name}: objectives`),
      el(
        'ul',
        null,
        ...s.objectives.map((o) =>
          el('li', null, `${o.text.replace(/\.$/, '')}: ${o.value} of 100 (weight ${o.weight})`),
        ),
      ),
    ),
  );
  return [el('h2', null, 'Scores'), table, ...detail];
}

function intentPart(sc: CompiledScenario, state: GameState): HTMLElement[] {
  const estimators = sc.scenario.roles.filter((r) => r.estimatesIntent);
  const head = el(
    'tr',
    null,
    el('th', { attrs: { scope: 'col' } }, 'Hidden intent'),
    el('th', { class: 'num', attrs: { scope: 'col' } }, 'True value'),
    ...estimators.map((r) => el('th', { attrs: { scope: 'col' } }, `${r.name}’s estimate`)),
  );
  const estimates = new Map(estimators.map((r) => [r.id, selectIntel(sc, state, r.id)]));
  const rows = sc.scenario.hiddenIntent.map((spec) => {
    const truth = state.hidden[spec.id];
    return el(
      'tr',
      null,
      el(
        'th',
        { attrs: { scope: 'row' } },
        spec.name,
        el('span', { class: 'detail' }, spec.description),
      ),
      el('td', { class: 'num' }, truth),
      ...estimators.map((r) => {
        const e = estimates.get(r.id)?.find((i) => i.id === spec.id);
        if (!e || !('low' in e) || e.low === undefined || e.high === undefined)
          return el('td', null, '—');
        const inside = truth >= e.low && truth <= e.high;
        return el('td', null, `${e.low}–${e.high} ${inside ? '✔ contains it' : '✘ misses it'}`);
      }),
    );
  });
  return [
    el('h2', null, `${challengerName(sc)}’s hidden intent beside the estimates`),
    el(
      'p',
      null,
      'Drawn from the seed at the start and never shown during play: the estimates are where each side’s intelligence left them at the end.',
    ),
    el('table', { class: 'data' }, el('thead', null, head), el('tbody', null, ...rows)),
  ];
}

function turningPointsPart(sc: CompiledScenario, state: GameState): HTMLElement[] {
  // The same variables as the debrief's turning points, so both tell the same game alike.
  const points = selectTurningPoints(sc, state, presentationOf(sc).mainVariables, 6);
  if (points.length === 0) return [];
  return [
    el('h2', null, 'Turning points'),
    el(
      'ol',
      { class: 'turning-points' },
      ...points.map((p) =>
        el(
          'li',
          null,
          el(
            'strong',
            null,
            `Turn ${p.turn} (${p.date}): ${p.name} ${p.delta > 0 ? '+' : ''}${p.delta}`,
          ),
          ` — ${p.causes.join('; ')}`,
        ),
      ),
    ),
  ];
}

/**
 * The turn-by-turn story. The computer's weighing of its options ("Why … chose as it did:" and
 * the options under it) is marked, so the page can leave it out: it triples the length of a
 * printed report.
 */
function storyPart(sc: CompiledScenario, state: GameState): HTMLElement[] {
  const turns = state.reports.map((report) => {
    const story = selectTurnStory(sc, report);
    const items = story.items.map((item) => {
      const reasoning = item.kind === 'reasoning' || item.kind === 'option';
      return el('li', { class: `depth-${item.depth}${reasoning ? ' ai-reason' : ''}` }, item.text);
    });
    return el(
      'div',
      { class: 'turn' },
      el('h3', null, story.heading),
      el('ul', { class: 'story' }, ...items),
    );
  });
  return [el('h2', null, 'Turn by turn'), ...turns];
}

/** The report of one game, named and scored with the version it was replayed with. */
/** The name of the side that may go to war, as its first role is called ("Russia", "Soviet Union"). */
function challengerName(sc: CompiledScenario): string {
  const side = sc.scenario.mechanics.challenger.side;
  return sc.scenario.roles.find((r) => r.side === side)?.name ?? side;
}

function gameReport(current: CompiledScenario, game: NamedGame): HTMLElement {
  const { sc, name, record, outcome } = game;
  const report = el(
    'article',
    { class: 'report new-page' },
    kicker('Game report'),
    el('h1', null, name),
    reportFacts(sc, record, outcome, current),
  );
  if (outcome.status === 'failed' || !record) {
    report.append(
      el(
        'p',
        { class: 'problem', attrs: { role: 'alert' } },
        `This game cannot be reported: ${outcome.status === 'failed' ? outcome.message : 'no record.'}`,
      ),
    );
    return report;
  }
  const state = outcome.state;
  append(report, [
    ...endingPart(sc, state),
    ...scoresPart(sc, record, state),
    el('h2', null, 'Escalation'),
    escalationChart(
      sc,
      [{ name, values: selectSeries(sc, state, 'tension') }],
      'Tension after each turn',
    ),
    ...turningPointsPart(sc, state),
    ...intentPart(sc, state),
    ...storyPart(sc, state),
  ]);
  return report;
}

// ——— The page ———

class PrintPage {
  private reports: NamedGame[] = [];
  private readonly status = el('p', { class: 'status', attrs: { role: 'status' } });
  private readonly reportArea = el('div', { class: 'reports' });
  private readonly pack: HTMLElement;
  private readonly lesson: HTMLElement;
  private readonly model: HTMLElement;
  private readonly answers: HTMLElement;
  private readonly choices = {
    report: checkbox('include-report', 'Game report'),
    reasoning: checkbox('include-reasoning', 'The computer’s reasoning in the game report'),
    pack: checkbox(
      'include-pack',
      'Teacher pack: briefing, role cards, glossary, questions, what-if switches',
    ),
    lesson: checkbox(
      'include-lesson',
      'Lesson kit: plan, core questions, quiz and answers, private briefs, bibliography',
    ),
    model: checkbox('include-model', 'About the model (for the teacher)'),
    answers: checkbox('include-answers', '“What actually happened” (for the debrief)'),
  };
  private readonly fileInput = el('input', {
    id: 'report-file',
    attrs: { type: 'file', multiple: '', accept: '.json,.txt,application/json,text/plain' },
  });

  private readonly sc: CompiledScenario;
  /** Counts loads, so a slower load that a newer one overtook is not shown. */
  private loads = 0;

  constructor(
    private readonly versions: ScenarioVersions,
    root: HTMLElement,
  ) {
    this.sc = versions.current;
    const sc = this.sc;
    this.pack = el(
      'article',
      { class: 'pack', id: 'teacher-pack' },
      cover(sc),
      briefing(sc),
      ...sc.scenario.roles.filter((r) => r.playable).map((r) => roleCard(sc, r)),
      glossary(sc),
      questions(sc),
      whatIfGuide(sc),
    );
    this.lesson = lessonKit(sc);
    this.model = modelCard(sc);
    this.answers = whatHappened(sc);
    for (const box of Object.values(this.choices)) {
      box.input.addEventListener('change', () => this.applyChoices());
    }
    this.fileInput.addEventListener('change', () => {
      const files = [...(this.fileInput.files ?? [])];
      this.fileInput.value = '';
      void this.loadFiles(files);
    });
    root.replaceChildren(
      pageNav('print'),
      this.controls(),
      el(
        'main',
        { class: 'printable' },
        this.reportArea,
        this.pack,
        this.lesson,
        this.model,
        this.answers,
      ),
    );
    window.addEventListener('hashchange', () => void this.loadFromUrl());
    void this.loadFromUrl();
  }

  private controls(): HTMLElement {
    const fieldset = el('fieldset', null, el('legend', null, 'What to print'));
    for (const box of Object.values(this.choices)) fieldset.append(box.label);
    return el(
      'header',
      { class: 'print-controls no-print' },
      el('h1', null, 'Printable material'),
      el(
        'p',
        { class: 'lead' },
        'The teacher pack for the scenario, and a report of any game: open a share link here (print.html#game=…), load a record file, or use “Report” in the class view.',
      ),
      el(
        'div',
        { class: 'control-row' },
        fieldset,
        el(
          'div',
          { class: 'file-pick' },
          el('label', { attrs: { for: 'report-file' } }, 'Game record file(s) for a report'),
          this.fileInput,
        ),
        button('Print', () => window.print(), { id: 'print-button', class: 'primary' }),
      ),
      this.status,
    );
  }

  private async loadFromUrl(): Promise<void> {
    const load = ++this.loads;
    if (!location.hash.includes(`${LINK_KEY}=`)) {
      this.show([], '');
      return;
    }
    const openings = await openGames(this.versions, location.hash);
    if (load !== this.loads) return;
    this.show(
      openings.map((o) => ({
        name: o.record ? `Shared game, seed “${shortened(o.record.seed)}”` : 'Shared game',
        record: o.record,
        outcome: o.outcome,
        sc: o.sc,
      })),
      'the link',
    );
  }

  private async loadFiles(files: File[]): Promise<void> {
    const load = ++this.loads;
    const reports = await openFiles(this.versions, files);
    if (load !== this.loads) return;
    this.show(reports, files.length === 1 ? files[0]!.name : `${files.length} files`);
  }

  private show(reports: NamedGame[], from: string): void {
    this.reports = reports;
    this.reportArea.replaceChildren(...reports.map((r) => gameReport(this.sc, r)));
    const hasReport = reports.length > 0;
    this.choices.report.input.disabled = !hasReport;
    this.choices.reasoning.input.disabled = !hasReport;
    this.choices.report.input.checked = hasReport;
    // With a game to report, the report is what is wanted; the pack stays one tick away.
    const packFirst = !reports.some((r) => r.outcome.status !== 'failed');
    this.choices.pack.input.checked = packFirst;
    this.choices.lesson.input.checked = packFirst;
    this.choices.model.input.checked = packFirst;
    this.choices.answers.input.checked = packFirst;
    const bad = reports.filter((r) => r.outcome.status === 'failed').length;
    this.status.textContent = hasReport
      ? `Report of ${reports.length} game${reports.length === 1 ? '' : 's'} from ${from}${bad ? `; ${bad} could not be verified` : ''}.`
      : 'No game loaded: the teacher pack is ready to print.';
    this.applyChoices();
  }

  private applyChoices(): void {
    this.reportArea.hidden = !this.choices.report.input.checked || this.reports.length === 0;
    this.reportArea.classList.toggle('show-reasoning', this.choices.reasoning.input.checked);
    this.pack.hidden = !this.choices.pack.input.checked;
    this.lesson.hidden = !this.choices.lesson.input.checked;
    this.model.hidden = !this.choices.model.input.checked;
    this.answers.hidden = !this.choices.answers.input.checked;
  }
}

function checkbox(id: string, text: string): { input: HTMLInputElement; label: HTMLLabelElement } {
  const input = el('input', { id, attrs: { type: 'checkbox' } });
  return { input, label: el('label', { attrs: { for: id } }, input, ` ${text}`) };
}

startPage(
  'The printable material cannot be made',
  (versions, root) => new PrintPage(versions, root),
);
