// The class view: the teacher loads every group's game (record files, share links, pasted JSON),
// each is replayed and verified here, and the page lines them up: one table row per group, the
// escalation of each game, and where games from the same seed parted ways.
import {
  encodeRecord,
  formatClassCode,
  parseClassCode,
  type ClassCode,
  formatValue,
  LINK_KEY,
  nameOf,
  selectEnding,
  selectSeries,
  switchesText,
  describeSetting,
  isAsModelled,
  AS_MODELLED_WORDS,
  type CompiledScenario,
  type GameState,
  type TurnReport,
  presentationOf,
} from '../sim';
import { bandTable, escalationChart, seriesTable, useBand, type Series } from './chart';
import {
  CHECK_WORDS,
  classCsv,
  flagged,
  describeDivergence,
  endComparison,
  groupRow,
  partings,
  sharedSeeds,
  switchedGames,
  turnsOf,
  type Divergence,
  type GroupRow,
} from './compare';
import { button, columnHeads, download, el, nameText, pageNav, shortened, shortText } from './dom';
import { nameOpenings } from './entries';
import { openFiles, type NamedGame } from './files';
import type { ScenarioVersions } from '../browser/scenario-versions';
import { openGames, startPage } from './scenario';

interface Game extends NamedGame {
  /** Stable while the game is loaded, whatever is removed around it. */
  id: number;
}

/** Names longer than this (a file name is at most 255) are shortened. */
const NAME_LENGTH = 120;

type Played = Game & { outcome: { state: GameState; hash: string } };
const played = (g: Game): g is Played => g.outcome.status !== 'failed';
/** The what-if switches a game was played under, written one way ("" as modelled). */
const switchesOf = (g: Played) => switchesText(g.outcome.state.whatIf ?? {});

class ClassView {
  private games: Game[] = [];
  private nextId = 1;
  private pasted = 0;
  private readonly status = el('p', { class: 'status', attrs: { role: 'status' } });
  private readonly results = el('div', { class: 'results' });
  /** The page's lead, naming the crisis its games were played in. */
  private readonly lead = el('p', { class: 'lead' });
  private readonly exportButton: HTMLButtonElement;
  private readonly clearButton: HTMLButtonElement;
  private readonly fileInput = el('input', {
    id: 'record-files',
    attrs: { type: 'file', multiple: '', accept: '.json,.txt,application/json,text/plain' },
  });
  private readonly pasteBox = el('textarea', {
    id: 'pasted-games',
    attrs: { rows: '4', spellcheck: 'false', 'aria-describedby': 'paste-hint' },
  });
  private readonly dropZone: HTMLElement;
  /** In a band chart, the game drawn as a line over it (by id). */
  private picked: number | null = null;
  private charted: { games: Played[]; series: Series[] } = { games: [], series: [] };
  private readonly chartArea = el('div', { class: 'chart-area' });
  private readonly pickSelect = el('select', { id: 'pick-group' });
  private readonly tableRows = new Map<number, HTMLTableRowElement>();
  /** The class code the teacher gave, to check every record's set-up against. */
  private classCode: ClassCode | null = null;
  private readonly codeInput = el('input', {
    id: 'class-code',
    attrs: {
      type: 'text',
      maxlength: '400',
      spellcheck: 'false',
      'aria-describedby': 'class-code-hint',
    },
  });

  /**
   * The scenario the page is laid out for (its lead, the table's role columns, the chart's scale,
   * the CSV): the current version of the scenario most loaded games were played in, the first
   * loaded on a tie; the page's own before any game is loaded. Each game has its own too.
   */
  private get sc(): CompiledScenario {
    const counts = new Map<string, number>();
    for (const g of this.games) {
      if (!g.record) continue;
      const id = g.sc.scenario.id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    let most: string | null = null;
    for (const [id, n] of counts) if (most === null || n > counts.get(most)!) most = id;
    return (most !== null && this.versions.currentOf(most)) || this.versions.current;
  }

  constructor(
    private readonly versions: ScenarioVersions,
    root: HTMLElement,
  ) {
    this.exportButton = button('Export CSV', () => this.exportCsv(), { id: 'export-csv' });
    this.clearButton = button('Clear all', () => this.clear(), { id: 'clear-all' });
    this.pickSelect.addEventListener('change', () => {
      this.picked = this.pickSelect.value ? Number(this.pickSelect.value) : null;
      this.drawChart();
    });
    this.fileInput.addEventListener('change', () => {
      const files = [...(this.fileInput.files ?? [])];
      this.fileInput.value = '';
      void this.addFiles(files);
    });
    this.dropZone = el(
      'div',
      { class: 'drop-zone' },
      el('label', { attrs: { for: 'record-files' } }, 'Game record files (.json)'),
      this.fileInput,
      el('p', { class: 'hint' }, '…or drop record files anywhere on this page.'),
    );
    const main = el(
      'main',
      null,
      el('header', null, el('h1', null, 'Class view'), this.lead),
      this.loadSection(),
      this.results,
    );
    root.replaceChildren(pageNav('class'), main);
    this.installDrop();
    this.render();
    this.addHanded();
  }

  /**
   * Games handed over in the address (`class.html#paste=…`, what the paste box takes, URI-encoded):
   * the live class's teacher page opens the class view with its session's share links this way.
   */
  private addHanded(): void {
    const handed = /^#paste=(.+)$/s.exec(location.hash)?.[1];
    if (!handed) return;
    try {
      this.pasteBox.value = decodeURIComponent(handed);
    } catch {
      this.status.textContent = 'The games in this address could not be read.';
      return;
    }
    history.replaceState(null, '', location.pathname + location.search);
    void this.addPasted();
  }

  private loadSection(): HTMLElement {
    const add = button('Add pasted games', () => void this.addPasted(), { id: 'add-pasted' });
    return el(
      'section',
      { class: 'load no-print', attrs: { 'aria-labelledby': 'load-heading' } },
      el('h2', { id: 'load-heading' }, 'Load games'),
      el(
        'div',
        { class: 'load-grid' },
        this.dropZone,
        el(
          'div',
          { class: 'paste' },
          el('label', { attrs: { for: 'pasted-games' } }, 'Share links or record JSON'),
          this.pasteBox,
          el(
            'p',
            { id: 'paste-hint', class: 'hint' },
            `One link per line. A name before a link names the group, as in “Team Red: https://…#${LINK_KEY}=…”. Whole records (JSON) can be pasted too.`,
          ),
          add,
        ),
      ),
      this.classCodeField(),
      el('div', { class: 'toolbar' }, this.exportButton, this.clearButton),
      this.status,
    );
  }

  private classCodeField(): HTMLElement {
    const apply = () => {
      const text = this.codeInput.value.trim();
      if (text === '') {
        this.classCode = null;
        this.status.textContent = 'No class code: records are not checked against a class set-up.';
      } else {
        const parsed = parseClassCode(text);
        if (!parsed.ok) {
          this.status.textContent = parsed.errors[0]!.message;
          return;
        }
        this.classCode = parsed.value;
        this.status.textContent = `Checking every record against the class code ${formatClassCode(parsed.value)}.`;
      }
      this.render();
    };
    this.codeInput.addEventListener('change', apply);
    return el(
      'div',
      { class: 'class-code' },
      el('label', { attrs: { for: 'class-code' } }, 'Class code (optional)'),
      this.codeInput,
      button('Check against the code', apply, { id: 'apply-class-code' }),
      el(
        'p',
        { id: 'class-code-hint', class: 'hint' },
        'The code from facilitator mode. Every record is checked against it (scenario and version, seed, roles played, turn clock, what-if switches), and a record that differs is flagged.',
      ),
    );
  }

  private installDrop(): void {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      this.dropZone.classList.add('dragging');
    };
    document.addEventListener('dragenter', over);
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', (e) => {
      if (e.relatedTarget === null) this.dropZone.classList.remove('dragging');
    });
    document.addEventListener('drop', (e) => {
      this.dropZone.classList.remove('dragging');
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      void this.addFiles([...e.dataTransfer.files]);
    });
  }

  private async addFiles(files: File[]): Promise<void> {
    const games = await openFiles(this.versions, files);
    this.add(
      games.map((g) => ({ id: this.nextId++, ...g })),
      `${files.length} file${files.length === 1 ? '' : 's'}`,
    );
  }

  private async addPasted(): Promise<void> {
    const text = this.pasteBox.value;
    if (!text.trim()) {
      this.status.textContent = 'Paste share links or game records into the box first.';
      this.pasteBox.focus();
      return;
    }
    this.pasteBox.value = '';
    const openings = await openGames(this.versions, text);
    const names = nameOpenings(openings, { pastedBefore: this.pasted });
    this.pasted += openings.length;
    this.add(
      openings.map((o, i) => ({ id: this.nextId++, name: names[i]!, ...o })),
      'the pasted text',
    );
  }

  private add(added: Game[], from: string): void {
    // A name is a file name or whatever was written before a link: shortened here, once, so that
    // no cell, legend or button label carries a pasted essay.
    this.games.push(...added.map((g) => ({ ...g, name: shortened(g.name, NAME_LENGTH) })));
    const bad = added.filter((g) => g.outcome.status === 'failed').length;
    this.status.textContent =
      `Added ${added.length} game${added.length === 1 ? '' : 's'} from ${from}` +
      (bad ? `; ${bad} do not replay (see the table).` : '.');
    this.render();
  }

  private remove(game: Game): void {
    this.games = this.games.filter((g) => g !== game);
    this.status.textContent = `Removed ${game.name}.`;
    this.render();
    this.fileInput.focus();
  }

  private clear(): void {
    this.games = [];
    this.pasted = 0;
    this.status.textContent = 'All games removed.';
    this.render();
  }

  /**
   * Played games that share a seed, in groups: only games of one scenario version and one what-if
   * setting face the same dice and the same rules, so each version and setting is grouped apart.
   */
  private seedGroups(): { seed: string; group: Played[] }[] {
    const games = this.games.filter(played);
    const kinds = new Map(games.map((g) => [`${g.sc.hash} ${switchesOf(g)}`, g]));
    return [...kinds.values()].flatMap((sample) => {
      const same = games.filter((g) => g.sc === sample.sc && switchesOf(g) === switchesOf(sample));
      return sharedSeeds(same, (g) => g.outcome.state.seed).map(({ seed, members }) => ({
        seed,
        group: members.map((i) => same[i]!),
      }));
    });
  }

  /** Seeds played under more than one what-if setting (those games are grouped apart). */
  private seedsUnderSeveralSettings(): string[] {
    const settings = new Map<string, Set<string>>();
    for (const g of this.games.filter(played)) {
      const seed = g.outcome.state.seed;
      settings.set(seed, (settings.get(seed) ?? new Set()).add(switchesOf(g)));
    }
    return [...settings].filter(([, s]) => s.size > 1).map(([seed]) => seed);
  }

  /** The version a game was played with, when it is an earlier one than this page's. */
  private earlierVersion(game: Game): string | null {
    const same = game.sc.scenario.id === this.sc.scenario.id;
    return game.record && same && game.sc !== this.sc ? game.record.scenario.version : null;
  }

  /** The first-divergence phrase of each played game that shares its seed with another. */
  private divergences(): Map<number, string> {
    const out = new Map<number, string>();
    for (const { group } of this.seedGroups()) {
      partings(group.map((g) => turnsOf(g.outcome.state))).forEach((p, i) => {
        if (p) out.set(group[i]!.id, describeDivergence(p.divergence, group[p.other]!.name));
      });
    }
    return out;
  }

  private rows(): GroupRow[] {
    const divergence = this.divergences();
    return this.games.map((g) => groupRow(g.sc, g, divergence.get(g.id) ?? '', this.classCode));
  }

  private exportCsv(): void {
    if (this.games.length === 0) return;
    // A byte-order mark, so spreadsheets read the names (en dashes, accents) as UTF-8.
    download(
      `brink-class-${this.sc.scenario.id}.csv`,
      `\uFEFF${classCsv(this.sc, this.rows())}`,
      'text/csv;charset=utf-8',
    );
    this.status.textContent = `Exported ${this.games.length} group${this.games.length === 1 ? '' : 's'} as CSV.`;
  }

  private render(): void {
    this.lead.textContent = `${this.sc.scenario.title}. Load the game of every group to compare them on one page. Each game is replayed here, in this browser, and checked against the final hash it carries; nothing is sent anywhere.`;
    const empty = this.games.length === 0;
    this.exportButton.disabled = empty;
    this.clearButton.disabled = empty;
    if (empty) {
      this.results.replaceChildren(
        el(
          'p',
          { class: 'empty' },
          'No games loaded yet. Ask each group for the record file (Debrief → Download the game record) or its share link.',
        ),
      );
      return;
    }
    this.results.replaceChildren(
      this.tableSection(),
      this.chartSection(),
      this.divergenceSection(),
    );
  }

  private tableSection(): HTMLElement {
    const sc = this.sc;
    const rows = this.rows();
    const counts = { matches: 0, noHash: 0, failed: 0 };
    for (const r of rows) counts[r.status]++;
    const differ = rows.filter((r) => r.classCheck?.length).length;
    const earlier = [...new Set(this.games.map((g) => this.earlierVersion(g)))].filter(
      (v) => v !== null,
    );
    const earlierCount = this.games.filter((g) => this.earlierVersion(g) !== null).length;
    const switched = switchedGames(rows);
    const roles = sc.scenario.roles;
    const head = el(
      'tr',
      null,
      // The setting column only when some game was switched, as the set-up column only with a
      // code: a table of games all as modelled stays as narrow as before.
      ...columnHeads([
        'Group',
        'Role(s) played',
        'Seed',
        ...(switched.count ? ['What-if setting'] : []),
        'Ending',
        'Turn',
      ]),
      ...roles.map((r) => el('th', { class: 'num', attrs: { scope: 'col' } }, r.name)),
      ...columnHeads(['Final hash', 'Replay check', ...(this.classCode ? ['Class set-up'] : [])]),
      el('th', { class: 'no-print', attrs: { scope: 'col' } }, 'Actions'),
    );
    const body = el('tbody');
    const band = useBand(this.games.filter(played).length);
    this.tableRows.clear();
    this.games.forEach((game, i) => {
      const tr = this.row(game, rows[i]!, i, band, switched.count > 0);
      this.tableRows.set(game.id, tr);
      body.append(tr);
    });
    return el(
      'section',
      { attrs: { 'aria-labelledby': 'groups-heading' } },
      el('h2', { id: 'groups-heading' }, 'Groups'),
      el(
        'p',
        { class: 'summary' },
        `${rows.length} game${rows.length === 1 ? '' : 's'}: ${counts.matches} replay to their final hash, ${counts.noHash} have no hash to check, ${counts.failed} do not replay` +
          (this.classCode
            ? `; ${differ} differ from the class code.`
            : '. A hash shows a record is consistent, not how it was played: enter the class code to check each set-up.'),
        earlierCount
          ? ` ${earlierCount} ${earlierCount === 1 ? 'was' : 'were'} played with an earlier version of the scenario (${earlier.join(', ')}; this page’s is ${sc.scenario.version}): ${earlierCount === 1 ? 'it is' : 'they are'} replayed, named and scored with the version ${earlierCount === 1 ? 'it was' : 'they were'} played with.`
          : '',
        switched.count
          ? ` ${switched.count} ${switched.count === 1 ? 'was' : 'were'} played under what-if switches — ${switched.settings.join(' / ')} — and the others as modelled: a game under other switches is played by other rules, so compare its ending with care.`
          : ' No game was played under a what-if switch.',
      ),
      el(
        'div',
        { class: 'table-scroll' },
        el(
          'table',
          { class: 'data groups', id: 'groups-table' },
          el(
            'caption',
            null,
            'Scores are out of 100: ✔ marks objectives met, bold marks a role the group played (the computer played the others).',
          ),
          el('thead', null, head),
          body,
        ),
      ),
    );
  }

  private row(
    game: Game,
    row: GroupRow,
    index: number,
    band: boolean,
    showSetting: boolean,
  ): HTMLTableRowElement {
    const sc = this.sc;
    const tr = el(
      'tr',
      { attrs: { 'data-status': row.status, ...(flagged(row) ? { 'data-flagged': '' } : {}) } },
      el(
        'th',
        { class: 'group', attrs: { scope: 'row' } },
        groupName(row.name, index + 1),
        this.versionNote(game),
      ),
      el(
        'td',
        null,
        row.roles.length ? row.roles.join(', ') : game.record ? 'none (AI only)' : '—',
      ),
      el('td', { class: 'mono seed' }, row.seed ? shortText(row.seed) : '—'),
      showSetting
        ? el(
            'td',
            {
              class: `setting${row.setting && row.setting !== AS_MODELLED_WORDS ? ' switched' : ''}`,
            },
            row.setting || '—',
          )
        : null,
    );
    if (row.status === 'failed') {
      tr.append(
        el(
          'td',
          { class: 'problem', attrs: { colspan: String(3 + sc.scenario.roles.length) } },
          row.message,
        ),
      );
    } else {
      tr.append(el('td', null, row.ending), el('td', { class: 'num' }, row.turn ?? ''));
      const humans = game.record?.humans ?? [];
      for (const role of sc.scenario.roles) {
        // By role id: an earlier version may list its roles differently.
        const s = row.scores.find((score) => score.role === role.id);
        if (!s) {
          tr.append(el('td', { class: 'num' }, '—'));
          continue;
        }
        const cell = el('td', { class: 'num' }, String(s.score), s.victory ? ' ✔' : '');
        if (humans.includes(s.role)) cell.classList.add('human');
        cell.setAttribute(
          'aria-label',
          `${s.name} ${s.score}${s.victory ? ', objectives met' : ''}${humans.includes(s.role) ? ', played by the group' : ''}`,
        );
        tr.append(cell);
      }
      tr.append(el('td', { class: 'mono' }, row.hash));
    }
    tr.append(
      el(
        'td',
        { class: `status ${row.status}`, attrs: { title: row.message } },
        CHECK_WORDS[row.status].short,
      ),
    );
    if (this.classCode) {
      tr.append(
        el(
          'td',
          { class: `class-check ${row.classCheck?.length ? 'differs' : 'same'}` },
          row.classCheck ? `${row.classCheck.length ? '⚠ ' : '✔ '}${row.classCheckText}` : '—',
        ),
      );
    }
    tr.append(
      el(
        'td',
        { class: 'no-print' },
        el(
          'div',
          { class: 'row-actions' },
          this.reportLink(game),
          band && played(game) ? this.showButton(game) : null,
          this.removeButton(game),
        ),
      ),
    );
    return tr;
  }

  /** Under a game's name, the earlier version it was played with (nothing for the current one). */
  private versionNote(game: Game): HTMLElement | null {
    const version = this.earlierVersion(game);
    return version === null
      ? null
      : el('span', { class: 'version-note' }, `played with version ${version}`);
  }

  private reportLink(game: Game): HTMLElement | null {
    if (!game.record || !played(game)) return null;
    let code: string;
    try {
      code = encodeRecord(game.sc, game.record);
    } catch {
      return null;
    }
    return el(
      'a',
      {
        class: 'report-link',
        // A new tab, so the games loaded here stay loaded.
        attrs: {
          href: `./print.html#${LINK_KEY}=${code}`,
          target: '_blank',
          rel: 'noopener',
          'aria-label': `Printable report of ${game.name} (opens a new tab)`,
        },
      },
      'Report',
    );
  }

  private removeButton(game: Game): HTMLButtonElement {
    return button('Remove', () => this.remove(game), {
      class: 'small',
      attrs: { 'aria-label': `Remove ${game.name}` },
    });
  }

  private showButton(game: Game): HTMLButtonElement {
    return button('Show on chart', () => this.pick(game), {
      class: 'small',
      attrs: { 'aria-label': `Show ${game.name} on the chart` },
    });
  }

  /** Picks a game out of the band from its row: the chart comes into view, focus to its select. */
  private pick(game: Game): void {
    this.picked = game.id;
    this.pickSelect.value = String(game.id);
    this.drawChart();
    this.chartArea.closest('section')?.scrollIntoView({ block: 'start' });
    this.pickSelect.focus({ preventScroll: true });
  }

  private chartSection(): HTMLElement {
    const games = this.games.filter(played);
    const section = el(
      'section',
      { attrs: { 'aria-labelledby': 'escalation-heading' } },
      el('h2', { id: 'escalation-heading' }, 'Escalation'),
    );
    if (games.length === 0) {
      section.append(
        el('p', { class: 'empty' }, 'No game could be replayed, so there is nothing to chart.'),
      );
      return section;
    }
    const series: Series[] = games.map((g) => ({
      name: g.name,
      values: selectSeries(g.sc, g.outcome.state, 'tension'),
      note: this.endingNote(g),
    }));
    this.charted = { games, series };
    // A picked game that was removed is picked no longer.
    if (!games.some((g) => g.id === this.picked)) this.picked = null;
    const band = useBand(games.length);
    section.append(
      ...(band ? [this.pickControl(games)] : []),
      this.chartArea,
      el(
        'details',
        { class: 'no-print' },
        el('summary', null, band ? 'The same figures as tables' : 'The same figures as a table'),
        band
          ? bandTable(series, 'The band: tension in the class at the start and after each turn')
          : null,
        seriesTable(series, 'Tension at the start and after each turn'),
      ),
    );
    this.drawChart();
    return section;
  }

  /** The select that picks one game out of the band, numbered as in the table. */
  private pickControl(games: readonly Played[]): HTMLElement {
    const number = new Map(this.games.map((g, i) => [g.id, i + 1]));
    this.pickSelect.replaceChildren(
      el('option', { attrs: { value: '' } }, 'None (the band only)'),
      ...games.map((g) =>
        el('option', { attrs: { value: String(g.id) } }, `${number.get(g.id)}. ${g.name}`),
      ),
    );
    this.pickSelect.value = this.picked === null ? '' : String(this.picked);
    return el(
      'p',
      { class: 'pick no-print' },
      el('label', { attrs: { for: 'pick-group' } }, 'Show one group’s line'),
      ' ',
      this.pickSelect,
    );
  }

  private drawChart(): void {
    const { games, series } = this.charted;
    const picked = games.findIndex((g) => g.id === this.picked);
    const title = useBand(games.length)
      ? 'Tension after each turn across the class'
      : 'Tension after each turn, one line per group';
    this.chartArea.replaceChildren(escalationChart(this.sc, series, title, { picked }));
    for (const [id, tr] of this.tableRows) tr.classList.toggle('picked', id === this.picked);
  }

  private endingNote(g: Played): string {
    const state = g.outcome.state;
    const ending = selectEnding(g.sc, state);
    const ended = ending ? `${ending.name}, turn ${ending.turn}` : `unfinished, turn ${state.turn}`;
    // A line played under other switches was played by other rules: the legend says which.
    const text = isAsModelled(state.whatIf)
      ? ended
      : `${ended}; what-if: ${describeSetting(g.sc.scenario, state.whatIf)}`;
    return g.outcome.status === 'noHash' ? `${text} (no hash to check)` : text;
  }

  private divergenceSection(): HTMLElement {
    const groups = this.seedGroups();
    const section = el(
      'section',
      { attrs: { 'aria-labelledby': 'divergence-heading' } },
      el('h2', { id: 'divergence-heading' }, 'Where each diverged'),
      el(
        'p',
        null,
        'Games from the same seed face the same dice, so every difference between them comes from the orders. The orders of every role (the computer’s too) are compared turn by turn; each game is shown beside the game it followed longest.',
      ),
    );
    if (groups.length === 0) {
      section.append(
        el(
          'p',
          { class: 'empty' },
          'No two replayed games share a seed. Give the class one seed (facilitator mode) to compare choices on the same dice.',
        ),
      );
      return section;
    }
    const several = this.seedsUnderSeveralSettings();
    if (several.length) {
      section.append(
        el(
          'p',
          { class: 'setting-note' },
          `Played under more than one what-if setting: seed${several.length === 1 ? '' : 's'} ${several.map((seed) => `“${shortened(seed)}”`).join(', ')}. A switch changes the rules or the hidden intent, so games under different switches are not the same game even on the same seed: each setting is compared on its own below.`,
        ),
      );
    }
    for (const { seed, group } of groups) section.append(this.seedGroup(seed, group));
    return section;
  }

  private seedGroup(seed: string, group: Played[]): HTMLElement {
    // Every game of a seed group was played with the same version.
    const sc = group[0]!.sc;
    const version = this.earlierVersion(group[0]!);
    // Every game of a seed group was played under the same what-if setting too.
    const setting = describeSetting(sc.scenario, group[0]!.outcome.state.whatIf);
    const turns = group.map((g) => turnsOf(g.outcome.state));
    const parts = partings(turns);
    const partBody = el('tbody');
    group.forEach((g, i) => {
      const p = parts[i]!;
      const other = group[p.other]!;
      partBody.append(
        el(
          'tr',
          null,
          el('th', { class: 'group', attrs: { scope: 'row' } }, groupName(g.name)),
          el('td', { class: 'group' }, groupName(other.name)),
          el('td', null, partedAt(p.divergence)),
          el('td', null, ...this.whatDiffered(p.divergence, g, other)),
        ),
      );
    });
    const keys = presentationOf(sc).compared;
    const finals = endComparison(
      keys,
      group.map((g) => g.outcome.state.vars),
    );
    const endHead = el(
      'tr',
      null,
      el('th', { attrs: { scope: 'col' } }, 'Game'),
      ...keys.map((k) => el('th', { class: 'num', attrs: { scope: 'col' } }, nameOf(sc, k))),
    );
    const endBody = el('tbody');
    group.forEach((g, i) => {
      endBody.append(
        el(
          'tr',
          null,
          el('th', { class: 'group', attrs: { scope: 'row' } }, groupName(g.name)),
          ...finals.map((f) => el('td', { class: 'num' }, formatValue(sc, f.key, f.values[i]!))),
        ),
      );
    });
    endBody.append(
      el(
        'tr',
        { class: 'spread' },
        el('th', { attrs: { scope: 'row' } }, 'Spread (largest − smallest)'),
        ...finals.map((f) => el('td', { class: 'num' }, String(f.spread))),
      ),
    );
    return el(
      'div',
      { class: 'seed-group' },
      el(
        'h3',
        null,
        `Seed “${shortened(seed)}” — ${group.length} games${version ? ` played with version ${version}` : ''}${setting === AS_MODELLED_WORDS ? '' : ' under what-if switches'}`,
      ),
      el(
        'p',
        { class: `setting-line${setting === AS_MODELLED_WORDS ? '' : ' switched'}` },
        'What-if setting: ',
        el('strong', null, setting),
      ),
      el(
        'div',
        { class: 'table-scroll' },
        el(
          'table',
          { class: 'data partings' },
          el('caption', null, 'Where each game left the game it followed longest'),
          el(
            'thead',
            null,
            el(
              'tr',
              null,
              ...columnHeads(['Game', 'Followed longest', 'Parted at', 'What differed there']),
            ),
          ),
          partBody,
        ),
      ),
      el(
        'div',
        { class: 'table-scroll' },
        el(
          'table',
          { class: 'data finals' },
          el('caption', null, 'The main variables at the end'),
          el('thead', null, endHead),
          endBody,
        ),
      ),
    );
  }

  private whatDiffered(d: Divergence, mine: Played, other: Played): (string | HTMLElement)[] {
    if (d.kind === 'same') return ['Nothing: the same orders every turn, so the same game.'];
    if (d.kind === 'longer') {
      return [`The same orders while both ran; only one of them went on to turn ${d.turn}.`];
    }
    const report = (g: Played) => g.outcome.state.reports.find((r) => r.turn === d.turn);
    const parts = d.roles.map((role) => {
      const a = ordersOf(mine.sc, report(mine), role);
      const b = ordersOf(mine.sc, report(other), role);
      return el(
        'span',
        { class: 'differed' },
        el('strong', null, `${mine.sc.roles[role]?.name ?? role}:`),
        ` ${a} here; ${b} in ${other.name}.`,
      );
    });
    if (d.injected) {
      parts.push(el('span', { class: 'differed' }, 'The facilitator injected different events.'));
    }
    return parts;
  }
}

/** A group's name in a table, numbered as in the groups table when `number` is given. */
function groupName(name: string, number?: number): HTMLElement {
  return el(
    'span',
    { class: 'group-name' },
    number === undefined ? null : el('span', { class: 'index' }, `${number}. `),
    nameText(name),
  );
}

function partedAt(d: Divergence): string {
  return d.kind === 'same' ? 'never' : `turn ${d.turn}`;
}

function ordersOf(sc: CompiledScenario, report: TurnReport | undefined, role: string) {
  const orders = report?.orders.find((o) => o.role === role);
  const names = (orders?.actions ?? []).map((id) => sc.actions[id]?.name ?? id);
  const text = names.length ? names.join(', ') : 'no orders';
  return orders?.byAi ? `${text} (by the AI)` : text;
}

startPage('The class view cannot start', (versions, root) => new ClassView(versions, root));
