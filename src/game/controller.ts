// The game's one piece of UI state and the commands that change it. It holds the live session
// (state + record) and asks the core for everything: orders go through `dispatch`, what is shown
// comes from the selectors. Scenes and the DOM layer subscribe and redraw; they decide nothing.
// A game goes on with the scenario and version it was started with: a save, link, record or class
// code of another scenario, or of an earlier version, waits for it (each fetched once, in its own
// chunk) and is played with it. The title chooses the scenario of the next new game.
import { ScenarioVersions, type Named } from '../browser/scenario-versions';
import {
  branchRecord,
  decodeRecord,
  describeChoice,
  dispatch,
  normaliseChoice,
  whatIfVariant,
  parseRecord,
  replayTo,
  replay,
  shareLink,
  finishedRecord,
  formatClassCode,
  hashState,
  parseClassCode,
  legalActions,
  linkScenario,
  startSession,
  type CompiledScenario,
  type GameRecord,
  type GameState,
  type ReplayResult,
  type Result,
  type Session,
} from '../sim';
import {
  discardUnopenedSave,
  faultText,
  variantOf,
  missingScenario,
  missingVersion,
  readSave,
  readUnopenedSaves,
  setAsideSave,
  writeSave,
  type UnopenedSave,
} from './save';

export const SCREENS = [
  'title',
  'briefing',
  'crisis',
  'confirm',
  'pass',
  'resolution',
  'debrief',
  'viewer',
] as const;
export type Screen = (typeof SCREENS)[number];
export type Overlay = 'glossary' | 'keys' | null;

export interface UiState {
  screen: Screen;
  role: string;
  seed: string;
  /** The actions the player has selected for this turn (not yet sent). */
  draft: string[];
  /** The variable whose "why did it move?" panel is open. */
  why: string | null;
  overlay: Overlay;
  /** A notice for the player (an error, or what just happened), also read out by screen readers. */
  notice: string | null;
  /** Whether the text view (the DOM layer) is shown on screen, not only to screen readers. */
  textView: boolean;
  /** The control the keyboard cursor is on (drawn on the canvas, focused in the DOM layer). */
  focus: string | null;
  /** Which meters the crisis room draws: the main ones, or the rest. */
  allMeters: boolean;
  /** Hot seat: several roles played by people on this one screen, taking turns. */
  hotSeat: boolean;
  /** The roles people play here (in hot seat, in the order they sit). */
  seats: string[];
  /** Dyad mode: two players share each role; the second must confirm each turn's orders. */
  dyad: boolean;
  /** The current player's reason for this turn's orders (optional, one sentence). */
  rationale: string;
  /** Facilitator mode: a per-turn clock, pause, and events injected by the teacher. */
  facilitator: { minutes: number; secondsLeft: number; paused: boolean; injecting: boolean } | null;
  /** Discarding a save that could not be opened waits for a second press. */
  confirmDiscard: boolean;
  /** The what-if switches a new game is played under (switch → option; {} for the model as built). */
  whatIf: Record<string, string>;
  /** Whether the title shows the what-if switches to change. */
  whatIfOpen: boolean;
}

/**
 * The longest seed the seed box takes. Records may carry longer ones (up to the core's MAX_SEED:
 * the command line adds "#N" to a seed), and a save, link or branch with one is accepted; a
 * longer one is refused by the core's record parser with a message naming the seed.
 */
export const SEED_BOX_LENGTH = 40;

type Listener = () => void;

/**
 * What the game asks of the page it runs in, the only effects outside its own state: files saved,
 * text copied, a file picker or a text field opened. The browser's are in dom/effects.ts; the
 * tests give their own, which record what was asked.
 */
export interface PageEffects {
  /** Saves `text` as a file named `name` (the browser's download; no network). */
  download(name: string, text: string): void;
  /** Puts `text` on the clipboard; rejects when the page may not. */
  copy(text: string): Promise<void>;
  /** Opens the page's file picker for a game record. */
  pickRecordFile(): void;
  /** Moves the keyboard into one of the page's text fields. */
  focusField(id: TextField): void;
  /** The address of the page, that a share link is made from. */
  address(): string;
  /** Goes to another page of the site (the live class). Optional: a page without it stays put. */
  open?(url: string): void;
}

/** The page's text fields: the title's seed and class code, the crisis room's reason. */
export type TextField = 'seed-input' | 'class-code-input' | 'rationale-input';

/** Effects that do nothing, for a controller without a page. */
const NO_EFFECTS: PageEffects = {
  download: () => {},
  copy: () => Promise.reject(new Error('no clipboard')),
  pickRecordFile: () => {},
  focusField: () => {},
  address: () => 'https://brink.invalid/',
};

/** A recorded game being stepped through: the record, the turn shown and the state there. */
export interface Viewer {
  record: GameRecord;
  /** Resolved turns shown (0 = the start). */
  turns: number;
  total: number;
  finalHash: string;
  state: GameState;
  /** Where the viewer was opened from, to go back there. */
  from: Screen;
  /** The scenario version the game was played with. */
  sc: CompiledScenario;
}

export class GameController {
  /** The page's own scenario version and, once a game needs it, the archive of earlier ones. */
  readonly versions: ScenarioVersions;
  /** The scenario (its current version) the title shows and every new game is played with. */
  current: CompiledScenario;
  session: Session | null = null;
  /** The state before the last resolved turn, so the resolution screen can animate the change. */
  previous: GameState | null = null;
  ui: UiState;
  /** Counts the changes told to the listeners: what is drawn from this controller is kept by it. */
  revision = 0;
  viewer: Viewer | null = null;
  private listeners = new Set<Listener>();
  private clockListeners = new Set<Listener>();

  /** Set when the game on screen was opened from a share link: it is not autosaved over yours. */
  fromLink: { hash: string } | null = null;

  /**
   * How the game in `session` is played, fixed when it starts and kept with its save: the seat to
   * show when no orders are due (the debrief's "you"), the dyad partner, facilitator mode. The
   * title's own choices are only for a new game.
   */
  private played: {
    role: string;
    dyad: boolean;
    facilitator: boolean;
    /** The scenario version the game was started with (the current one, or an archived one). */
    sc: CompiledScenario;
  } | null = null;

  /** While a scenario or the archive is fetched for a game that needs it (see afterFetch). */
  private fetching = false;

  /** Saves that could not be opened, kept aside (newest first) until downloaded or discarded. */
  unopened: UnopenedSave[] = readUnopenedSaves();

  constructor(
    sc: CompiledScenario,
    private readonly freshSeed: () => string,
    link: string | null = null,
    private readonly effects: PageEffects = NO_EFFECTS,
  ) {
    this.versions = new ScenarioVersions(sc);
    this.current = sc;
    this.ui = {
      screen: 'title',
      role: firstRole(sc),
      seed: freshSeed(),
      draft: [],
      why: null,
      overlay: null,
      notice: null,
      textView: false,
      focus: null,
      allMeters: false,
      hotSeat: false,
      seats: [],
      dyad: false,
      rationale: '',
      facilitator: null,
      confirmDiscard: false,
      whatIf: {},
      whatIfOpen: false,
    };
    this.ui.seats = [this.ui.role];
    this.openAtStart(link);
    this.ui = this.consistent(this.ui);
  }

  /** The title's choices for a new game of this scenario: its first playable role, no switches. */
  private choose(sc: CompiledScenario): void {
    this.current = sc;
    const role = firstRole(sc);
    this.ui = { ...this.ui, role, seats: [role], whatIf: {} };
  }

  /** The ids of the scenarios the title offers, in the order it cycles through them. */
  get scenarioIds(): string[] {
    return this.versions.ids;
  }

  /**
   * Makes the next scenario (after the last, the first) the one the title shows and new games are
   * played with; one not yet fetched is fetched first. One that cannot be fetched leaves a notice
   * and the title as it was.
   */
  nextScenario(): void {
    const ids = this.versions.ids;
    const next = ids[(ids.indexOf(this.current.scenario.id) + 1) % ids.length]!;
    this.chooseScenario(next);
  }

  chooseScenario(id: string, then?: () => void): void {
    const have = this.versions.currentOf(id);
    if (have) {
      if (have !== this.current) this.choose(have);
      this.update({
        notice: then ? this.ui.notice : `Scenario for a new game: ${have.scenario.title}.`,
      });
      then?.();
      return;
    }
    if (this.fetching) {
      this.notify('A moment: another scenario is still being fetched.');
      return;
    }
    this.fetching = true;
    this.update({ notice: `Fetching the scenario "${id}"…` });
    void this.versions.load(id).then((loaded) => {
      this.fetching = false;
      if (!loaded.ok) {
        this.update({
          notice: `${faultText(loaded.errors)} The title still works with ${this.current.scenario.title}.`,
        });
        return;
      }
      this.ui = { ...this.ui, notice: null };
      // Only if the player is still on the title: a new game may not change under a game.
      if (this.ui.screen === 'title') this.chooseScenario(id, then);
    });
  }

  /**
   * The version of what is on screen: the viewer's game, the game in progress, or on the title
   * the current one (the title's choices are for a new game).
   */
  get sc(): CompiledScenario {
    if (this.ui.screen === 'viewer' && this.viewer) return this.viewer.sc;
    return this.ui.screen === 'title' ? this.current : this.gameSc;
  }

  /** The version the game in `session` is played with. */
  private get gameSc(): CompiledScenario {
    return this.played?.sc ?? this.current;
  }

  /**
   * The earlier version the game in progress was started with and goes on with (as its record
   * names it); null when it is played with the current one.
   */
  get earlierVersion(): string | null {
    const played = this.gameSc.asBuilt ?? this.gameSc;
    return this.session && played !== this.versions.currentOf(played.scenario.id)
      ? this.session.record.scenario.version
      : null;
  }

  /**
   * The link in the address, else the autosave; either may first need its scenario or the
   * archive. The title then shows the scenario of the game opened (it has been fetched anyway).
   */
  private openAtStart(link: string | null): void {
    const made = link ? linkScenario(link) : null;
    if (link && this.wants(made)) {
      this.afterFetch(made, () => {
        if (!this.session) this.openAtStart(link);
      });
      return;
    }
    if (!link || !this.openLink(link)) this.restoreSave();
    const opened = this.played && this.versions.currentOf(this.played.sc.scenario.id);
    if (opened && opened !== this.current) this.choose(opened);
  }

  private wants(made: Named | null | undefined): boolean {
    return this.versions.wants(made?.hash, made?.id);
  }

  /**
   * Fetches the scenario or the earlier version a game names, then carries on and redraws. Only a
   * game that names one the page does not have yet comes here, once: after, it is at hand.
   */
  private afterFetch(made: Named | null | undefined, then: () => void): void {
    this.fetching = true;
    const scenario = made?.id && !this.versions.currentOf(made.id);
    this.update({
      notice: scenario
        ? `Fetching the scenario "${made.id}" this game was played with…`
        : 'Fetching the earlier version of the scenario this game was played with…',
    });
    void this.versions.fetchFor(made).then(() => {
      this.fetching = false;
      this.ui = { ...this.ui, notice: null };
      then();
      this.update({});
    });
  }

  /** A share link pasted into the address bar of a page that is already open. */
  openSharedLink(link: string): void {
    const made = linkScenario(link);
    if (this.wants(made)) {
      this.afterFetch(made, () => this.openSharedLink(link));
      return;
    }
    const previous = { session: this.session, fromLink: this.fromLink, screen: this.ui.screen };
    if (!this.openLink(link)) {
      // Nothing changes but the notice: the game in progress stays as it was.
      this.session = previous.session;
      this.fromLink = previous.fromLink;
      this.update({ screen: previous.screen });
      return;
    }
    this.previous = null;
    this.update({});
  }

  /** Replays a shared game; a bad link leaves a notice and the saved game untouched. */
  private openLink(link: string): boolean {
    const made = linkScenario(link);
    const sc = this.versions.versionFor(made?.hash, made?.id);
    const decoded = this.unknownVersion(made, sc) ?? decodeRecord(sc, link);
    const replayed = decoded.ok ? replay(sc, decoded.value) : decoded;
    if (!decoded.ok || !replayed.ok) {
      const why = !replayed.ok ? faultText(replayed.errors) : '';
      this.ui.notice = `The shared link could not be opened. ${why} Your own saved game is untouched.`;
      return false;
    }
    const record = decoded.value;
    this.session = { state: replayed.value.state, record };
    this.fromLink = { hash: replayed.value.hash };
    this.played = {
      role: record.humans[0] ?? this.ui.role,
      dyad: false,
      facilitator: false,
      sc: variantOf(sc, record),
    };
    this.ui = { ...this.ui, ...this.seating() };
    const verified = {
      none: '',
      matches: ' It matches the hash in the link.',
      matchesEarlier: ` It matches the hash in the link, ${record.finalHash ?? ''}, as earlier versions of Brink computed it.`,
    }[replayed.value.claim];
    this.ui.notice = `A shared game, replayed from its link: final-state hash ${replayed.value.hash}.${verified} Your own saved game is untouched.`;
    return true;
  }

  /**
   * A refusal, in the game's words, for a game of a scenario or version none here has (the core's
   * own message would send the player to pages that have no more versions than this one).
   */
  private unknownVersion(
    made: { id: string; hash: string; version?: string } | null,
    sc: CompiledScenario,
  ): Result<GameRecord> | null {
    if (!made || sc.hashes.includes(made.hash)) return null;
    const message =
      made.id === sc.scenario.id
        ? missingVersion(this.versions, made)
        : missingScenario(this.versions, made.id);
    return { ok: false, errors: [{ path: 'scenario', message }] };
  }

  /** Loads the autosave; the title's choices stay as they are (they are for a new game). */
  private restoreSave(): void {
    const saved = readSave(this.versions);
    if (saved.kind === 'ok') {
      const { role, dyad, facilitator, session, sc } = saved.saved;
      this.session = session;
      this.played = { role, dyad, facilitator, sc };
    } else if (saved.kind === 'fetch') {
      this.afterFetch(saved.scenario, () => {
        if (this.session) return;
        this.restoreSave();
        // On the title, the saved game's scenario becomes the one shown (it is fetched now).
        const opened = this.played && this.versions.currentOf(this.played.sc.scenario.id);
        if (opened && this.ui.screen === 'title' && opened !== this.current) this.choose(opened);
      });
    } else if (saved.kind === 'error') {
      const kept = setAsideSave(saved.text, saved.message, new Date().toISOString());
      this.unopened = readUnopenedSaves();
      this.ui.notice = kept
        ? `${saved.message} It is kept, not deleted: download it or discard it on this screen. A new game can be started.`
        : `${saved.message} It could not be kept aside (the browser's storage is full or off), so a new game will replace it.`;
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(patch: Partial<UiState>): void {
    const screenChanged = patch.screen !== undefined && patch.screen !== this.ui.screen;
    const fresh = screenChanged ? { focus: null, confirmDiscard: false } : {};
    this.ui = this.consistent({ ...this.ui, ...patch, ...fresh });
    this.revision++;
    for (const listener of this.listeners) listener();
  }

  /**
   * The game in `session` as it is played — its roles, seats, seed, partner and clock — and the
   * screen it resumes on: the debrief when it is over; in hot seat the hand-over to the seat whose
   * orders are due (nobody sees another's crisis room); otherwise that seat's crisis room.
   */
  private seating(): Partial<UiState> {
    const session = this.session;
    const played = this.played;
    if (!session || !played) return {};
    const { state, record } = session;
    const due = state.humans.find((h) => !state.submitted[h]);
    const over = state.phase === 'over';
    const clock = record.clock ?? 0;
    return {
      screen: over ? 'debrief' : record.humans.length > 1 ? 'pass' : 'crisis',
      role: (!over && due) || played.role,
      seats: [...record.humans],
      hotSeat: record.humans.length > 1,
      seed: record.seed,
      dyad: played.dyad,
      facilitator:
        clock > 0 || played.facilitator
          ? { minutes: clock, secondsLeft: clock * 60, paused: true, injecting: false }
          : null,
      draft: [],
      rationale: '',
      why: null,
    };
  }

  /**
   * Defence in depth: no screen opens without what it needs — a game, a viewer, a seat whose
   * orders are due — so however the state got there, the player is never left without a way on.
   */
  private consistent(ui: UiState): UiState {
    const state = this.state;
    if (ui.screen === 'title') return ui;
    if (ui.screen === 'viewer') return this.viewer ? ui : { ...ui, screen: 'title' };
    if (!state) return { ...ui, screen: 'title' };
    if (ui.screen === 'resolution' && state.reports.length > 0) return ui;
    if (state.phase === 'over') return ui.screen === 'debrief' ? ui : { ...ui, screen: 'debrief' };
    if (ui.screen === 'debrief' || ui.screen === 'resolution')
      return this.consistent({ ...ui, screen: 'crisis' });
    const due = state.humans.filter((h) => !state.submitted[h]);
    if (due.length === 0) {
      return {
        ...ui,
        screen: 'title',
        notice:
          state.humans.length === 0
            ? 'Every side in that game is played by the computer: there is no seat to take. It can be stepped through in the replay viewer.'
            : 'That game is waiting for no one: every side has given its orders but the turn never ended. Start a new game, or open its record in the replay viewer.',
      };
    }
    if (due.includes(ui.role)) return ui;
    // Not this role's turn to give orders: hand over to the seat whose orders are due.
    return {
      ...ui,
      role: due[0]!,
      draft: [],
      rationale: '',
      screen: ui.screen === 'briefing' || state.humans.length === 1 ? ui.screen : 'pass',
    };
  }

  get state(): GameState | null {
    return this.session?.state ?? null;
  }

  get hasSavedGame(): boolean {
    return this.session !== null;
  }

  /** The game "Continue" resumes and how it is played (for the title screen). */
  get savedGame(): {
    record: GameRecord;
    state: GameState;
    dyad: boolean;
    facilitator: boolean;
    sc: CompiledScenario;
  } | null {
    const session = this.session;
    const played = this.played;
    if (!session || !played) return null;
    return { ...session, dyad: played.dyad, facilitator: played.facilitator, sc: played.sc };
  }

  chooseRole(role: string): void {
    if (!this.current.roles[role]?.playable) return;
    if (!this.ui.hotSeat) {
      this.update({ role, seats: [role], notice: null });
      return;
    }
    // In hot seat the role buttons add or remove seats; at least one stays.
    const seats = this.ui.seats.includes(role)
      ? this.ui.seats.filter((r) => r !== role)
      : [...this.ui.seats, role];
    if (seats.length === 0) return;
    const ordered = this.current.roleOrder.filter((r) => seats.includes(r));
    this.update({ seats: ordered, role: ordered[0]!, notice: null });
  }

  toggleDyad(): void {
    this.update({ dyad: !this.ui.dyad });
  }

  /** Shows or hides the title's what-if switches (for a teacher; the choice stays either way). */
  toggleWhatIfs(): void {
    this.update({ whatIfOpen: !this.ui.whatIfOpen });
  }

  /** Moves a what-if switch of the next new game to its next option (after the last, the first). */
  cycleWhatIf(id: string): void {
    const whatIf = this.current.scenario.whatIfs?.find((w) => w.id === id);
    if (!whatIf) return;
    const now = this.ui.whatIf[id] ?? whatIf.options[0]!.id;
    const at = whatIf.options.findIndex((o) => o.id === now);
    const next = whatIf.options[(at + 1) % whatIf.options.length]!;
    const chosen = normaliseChoice(this.current.scenario, { ...this.ui.whatIf, [id]: next.id });
    if (!chosen.ok) return;
    this.update({
      whatIf: { ...chosen.value },
      notice: `What-if for the next new game — ${whatIf.name}: ${next.label}. ${next.description}`,
    });
  }

  /** Dyad mode: the first player is done; the partner confirms or refuses. */
  proposeOrders(): void {
    if (!this.ui.dyad) {
      this.endTurn();
      return;
    }
    const state = this.state;
    if (!state || state.phase !== 'orders') return;
    this.update({ screen: 'confirm', notice: null });
  }

  /** The partner refuses: the disagreement is recorded, and the pair chooses again. */
  disputeOrders(): void {
    const session = this.session;
    if (!session) return;
    const result = dispatch(this.gameSc, session, {
      type: 'orders/disputed',
      role: this.ui.role,
      actions: this.ui.draft,
      ...(this.ui.rationale.trim() ? { note: this.ui.rationale.trim() } : {}),
    });
    if (result.error) {
      this.notify(result.error.message);
      return;
    }
    this.session = result.session;
    this.save();
    this.update({
      screen: 'crisis',
      notice: 'Disagreement noted for the debrief. Choose the orders again, together.',
    });
  }

  toggleHotSeat(): void {
    this.update({ hotSeat: !this.ui.hotSeat, seats: [this.ui.role] });
  }

  toggleFacilitator(): void {
    this.update({
      facilitator: this.ui.facilitator
        ? null
        : { minutes: 5, secondsLeft: 300, paused: true, injecting: false },
    });
  }

  setTimer(minutes: number): void {
    const f = this.ui.facilitator;
    if (!f) return;
    const m = Math.max(0, Math.min(60, minutes));
    this.update({ facilitator: { ...f, minutes: m, secondsLeft: m * 60 } });
  }

  /** Students type the class code the teacher shows: same scenario, seed and clock. */
  joinClass(code: string): void {
    const parsed = parseClassCode(code);
    if (!parsed.ok) {
      this.notify(parsed.errors[0]!.message);
      return;
    }
    const { scenario, version, seed, minutes, roles, whatIf } = parsed.value;
    if (scenario !== this.current.scenario.id) {
      if (!this.versions.knows(scenario)) {
        this.notify(
          `That class code is for the scenario "${scenario}", which this copy of Brink does not have: it has ${this.versions.ids.join(', ')}.`,
        );
        return;
      }
      // The code's scenario becomes the title's, then the code is read with it.
      this.chooseScenario(scenario, () => this.joinClass(code));
      return;
    }
    const here = this.current.scenario;
    if (version !== null && version !== here.version) {
      this.notify(
        `That class code is for version ${version} of ${here.id}; this page has version ${here.version}. Ask your teacher which page to use.`,
      );
      return;
    }
    const unknown = roles?.find((r) => !this.current.roles[r]?.playable);
    if (unknown) {
      this.notify(`That class code names a role this scenario has no seat for ("${unknown}").`);
      return;
    }
    const switches = normaliseChoice(this.current.scenario, whatIf);
    if (!switches.ok) {
      this.notify(
        `That class code's what-if setting does not fit this page: ${faultText(switches.errors)}`,
      );
      return;
    }
    const setting = describeChoice(this.current.scenario, switches.value);
    const facilitator =
      minutes > 0 ? { minutes, secondsLeft: minutes * 60, paused: true, injecting: false } : null;
    const seats = roles ? this.current.roleOrder.filter((r) => roles.includes(r)) : null;
    const names = seats?.map((r) => this.current.roles[r]!.name).join(', ');
    this.update({
      seed,
      facilitator,
      whatIf: { ...switches.value },
      ...(seats ? { seats, role: seats[0]!, hotSeat: seats.length > 1 } : {}),
      notice: `Class code accepted: seed "${seed}"${minutes ? `, ${minutes} minutes a turn` : ''}${names ? `, playing ${names}` : ''}${setting.length ? `, what-if: ${setting.join('; ')}` : ''}. Start a new game to play it.`,
    });
  }

  /** The code that sets up this game for the whole class (facilitator mode). */
  classCode(): string {
    const seats = this.ui.hotSeat ? this.ui.seats : [this.ui.role];
    return formatClassCode({
      scenario: this.current.scenario.id,
      version: this.current.scenario.version,
      seed: this.ui.seed || 'brink',
      minutes: this.ui.facilitator?.minutes ?? 0,
      roles: seats,
      whatIf: { ...this.ui.whatIf },
    });
  }

  togglePause(): void {
    const f = this.ui.facilitator;
    if (f) this.update({ facilitator: { ...f, paused: !f.paused } });
  }

  toggleInjecting(): void {
    const f = this.ui.facilitator;
    if (f) this.update({ facilitator: { ...f, injecting: !f.injecting } });
  }

  /** A facilitator's inject: an order in the record, so the replay stays exact. */
  inject(event: string): void {
    const session = this.session;
    if (!session) return;
    const result = dispatch(this.gameSc, session, { type: 'facilitator/eventInjected', event });
    if (result.error) {
      this.notify(result.error.message);
      return;
    }
    this.session = result.session;
    this.save();
    const f = this.ui.facilitator;
    this.update({
      facilitator: f ? { ...f, injecting: false } : null,
      notice: `${this.gameSc.events[event]?.name ?? event} will happen when this turn resolves.`,
    });
  }

  /**
   * One second of the turn clock (called by the page's timer). Only the clock's own listeners
   * hear every second; the screen redraws when time is up.
   */
  tick(): void {
    const f = this.ui.facilitator;
    if (!f || f.paused || f.minutes === 0 || this.ui.screen !== 'crisis' || f.secondsLeft <= 0)
      return;
    const secondsLeft = f.secondsLeft - 1;
    if (secondsLeft === 0) {
      this.update({
        facilitator: { ...f, secondsLeft },
        notice: 'Time is up for this turn: give your orders now.',
      });
      return;
    }
    this.ui = { ...this.ui, facilitator: { ...f, secondsLeft } };
    for (const listener of this.clockListeners) listener();
  }

  onClock(listener: Listener): () => void {
    this.clockListeners.add(listener);
    return () => this.clockListeners.delete(listener);
  }

  setRationale(text: string): void {
    this.ui = { ...this.ui, rationale: text.slice(0, 280) };
  }

  setSeed(seed: string): void {
    const clean = seed.trim().slice(0, SEED_BOX_LENGTH);
    this.update({ seed: clean });
  }

  /** Starts a new game as the chosen role with the chosen seed; the other roles are the AI's. */
  newGame(): void {
    // A new game would be saved over the one being opened, before the player could see it.
    if (this.fetching) {
      this.notify('A moment: a saved or shared game is still being opened.');
      return;
    }
    this.fromLink = null;
    const seed = this.ui.seed || 'brink';
    const seats = this.ui.hotSeat ? this.ui.seats : [this.ui.role];
    const variant = whatIfVariant(this.current, this.ui.whatIf);
    if (!variant.ok) {
      this.notify(`These what-if switches cannot be played: ${faultText(variant.errors)}`);
      return;
    }
    this.session = startSession(
      variant.value,
      seed,
      seats,
      this.ui.facilitator?.minutes || undefined,
    );
    this.played = {
      role: seats[0]!,
      dyad: this.ui.dyad,
      facilitator: this.ui.facilitator !== null,
      sc: variant.value,
    };
    this.previous = null;
    this.save();
    this.update({
      screen: 'briefing',
      role: seats[0]!,
      seats,
      draft: [],
      rationale: '',
      why: null,
      overlay: null,
      notice: null,
    });
  }

  /** Resumes the saved game exactly as it was played, whatever the title is set to. */
  continueGame(): void {
    if (!this.session) return;
    this.previous = null;
    const earlier = this.earlierVersion;
    const newest = this.versions.currentOf(this.gameSc.scenario.id) ?? this.current;
    const notice = earlier
      ? `This game continues with version ${earlier} of the scenario, the one it was started with: its rules stay as they were until it ends. New games use version ${newest.scenario.version}.`
      : null;
    this.update({ ...this.seating(), notice, overlay: null });
  }

  showBriefing(): void {
    if (this.session) this.update({ screen: 'briefing', overlay: null });
  }

  beginCrisis(): void {
    if (this.session) this.update({ screen: 'crisis', notice: null });
  }

  /** Selects or unselects an action for this turn, if the core would accept the orders. */
  toggleAction(id: string): void {
    const state = this.state;
    if (!state || state.phase !== 'orders') return;
    const draft = this.ui.draft.includes(id)
      ? this.ui.draft.filter((a) => a !== id)
      : [...this.ui.draft, id];
    const check = dispatch(this.gameSc, this.session!, {
      type: 'orders/submitted',
      role: this.ui.role,
      actions: draft,
    });
    if (check.error && !this.ui.draft.includes(id)) {
      this.update({ notice: check.error.message });
      return;
    }
    const name = this.gameSc.actions[id]?.name ?? id;
    this.update({ draft, notice: draft.includes(id) ? `Selected: ${name}.` : `Removed: ${name}.` });
  }

  /** The seat that plays after the current one this turn, in hot seat; null for the last. */
  get nextSeat(): string | null {
    const seats = this.session?.state.humans ?? [];
    const at = seats.indexOf(this.ui.role);
    return at >= 0 && at < seats.length - 1 ? seats[at + 1]! : null;
  }

  /**
   * Sends the current player's orders. In hot seat the next player is asked to take the seat (the
   * orders stay hidden); after the last, the turn resolves.
   */
  endTurn(): void {
    const session = this.session;
    if (!session || session.state.phase !== 'orders') return;
    const submitted = dispatch(this.gameSc, session, {
      type: 'orders/submitted',
      role: this.ui.role,
      actions: this.ui.draft,
      ...(this.ui.rationale.trim() ? { rationale: this.ui.rationale.trim() } : {}),
    });
    if (submitted.error) {
      this.update({ notice: submitted.error.message });
      return;
    }
    const next = this.nextSeat;
    if (next) {
      this.session = submitted.session;
      this.save();
      this.update({
        screen: 'pass',
        role: next,
        draft: [],
        rationale: '',
        why: null,
        notice: null,
      });
      return;
    }
    const ended = dispatch(this.gameSc, submitted.session, { type: 'turn/ended' });
    if (ended.error) {
      this.update({ notice: ended.error.message });
      return;
    }
    this.previous = session.state;
    this.session = ended.session;
    this.save();
    const first = ended.session.state.humans[0] ?? this.ui.role;
    this.update({
      screen: 'resolution',
      role: first,
      draft: [],
      rationale: '',
      why: null,
      notice: null,
    });
  }

  /** The next player has taken the seat. */
  takeSeat(): void {
    if (this.ui.screen === 'pass') this.update({ screen: 'crisis', notice: null });
  }

  afterResolution(): void {
    if (!this.session) return;
    const f = this.ui.facilitator;
    if (f)
      this.ui = {
        ...this.ui,
        facilitator: { ...f, secondsLeft: f.minutes * 60, injecting: false },
      };
    this.update({ screen: this.session.state.phase === 'over' ? 'debrief' : 'crisis', why: null });
  }

  showWhy(key: string | null): void {
    this.update({ why: key });
  }

  openOverlay(overlay: Overlay): void {
    this.update({ overlay: this.ui.overlay === overlay ? null : overlay });
  }

  toggleMeters(): void {
    this.update({ allMeters: !this.ui.allMeters });
  }

  toggleTextView(): void {
    this.update({ textView: !this.ui.textView });
  }

  focusControl(id: string | null): void {
    if (id !== this.ui.focus) this.update({ focus: id });
  }

  notify(notice: string | null): void {
    this.update({ notice });
  }

  backToTitle(): void {
    if (this.fromLink) {
      // Leave the shared game; the player's own saved game (if any) comes back.
      this.fromLink = null;
      this.session = null;
      this.restoreSave();
    }
    this.update({ screen: 'title', overlay: null, why: null, notice: null });
  }

  /**
   * Opens a record (JSON text), a share link, or a downloaded save (which holds a record) in the
   * viewer; a bad one leaves only a notice.
   */
  openRecordText(text: string, name: string): void {
    const trimmed = text.trim();
    const json = trimmed.startsWith('{') ? parseRecord(recordOfSave(trimmed)) : null;
    const made = json ? (json.ok ? json.value.scenario : null) : linkScenario(trimmed);
    if (this.wants(made)) {
      this.afterFetch(made, () => this.openRecordText(text, name));
      return;
    }
    const sc = this.versions.versionFor(made?.hash, made?.id);
    const parsed = this.unknownVersion(made, sc) ?? json ?? decodeRecord(sc, trimmed);
    if (!parsed.ok) {
      this.notify(
        `${name} could not be opened: ${faultText(parsed.errors)} Your game is untouched.`,
      );
      return;
    }
    const checked = replay(sc, parsed.value, { plain: true });
    if (!checked.ok) {
      this.notify(
        `${name} could not be opened: ${faultText(checked.errors)} Your game is untouched.`,
      );
      return;
    }
    this.openViewer(parsed.value, checked.value, checked.value.state.reports.length, sc);
  }

  /** The newest save that could not be opened, as a file to download (its text as it was). */
  unopenedSaveFile(): { name: string; text: string } | null {
    const save = this.unopened[0];
    if (!save) return null;
    return {
      name: `brink-save-not-opened-${save.keptOn.slice(0, 10) || 'undated'}.json`,
      text: save.text,
    };
  }

  /** Deletes the newest save that could not be opened — on the second press, not the first. */
  discardUnopenedSave(): void {
    if (this.unopened.length === 0) return;
    if (!this.ui.confirmDiscard) {
      this.update({
        confirmDiscard: true,
        notice:
          'Press "Discard" again to delete the save that could not be opened. It cannot be recovered afterwards.',
      });
      return;
    }
    this.unopened = discardUnopenedSave();
    const more = this.unopened.length;
    this.update({
      confirmDiscard: false,
      notice: `The save that could not be opened is deleted.${more ? ` ${more} more ${more > 1 ? 'are' : 'is'} kept.` : ''}`,
    });
  }

  /** Steps through the current game from its first turn. */
  viewCurrentGame(): void {
    const record = this.record();
    if (!record || !this.state) return;
    // The record is made now, with this state's hash.
    const checked = { hash: hashState(this.state), claim: 'matches' } as const;
    this.openViewer(record, checked, this.state.reports.length, this.gameSc);
  }

  private openViewer(
    record: GameRecord,
    checked: Pick<ReplayResult, 'hash' | 'claim'>,
    total: number,
    sc: CompiledScenario,
  ): void {
    const finalHash = checked.hash;
    const point = replayTo(sc, record, total);
    if (!point.ok) return;
    this.viewer = {
      record,
      turns: total,
      total,
      finalHash,
      state: point.value.state,
      from: this.ui.screen,
      sc: variantOf(sc, record),
    };
    // Say what was checked: a hash has no secret, so it shows consistency, not how it was played.
    const notice =
      checked.claim === 'matches'
        ? `Replayed: every order is legal and the game reaches the final hash the record carries, ${finalHash}.`
        : checked.claim === 'matchesEarlier'
          ? `Replayed: every order is legal and the game reaches the final hash the record carries, ${record.finalHash ?? ''}, as earlier versions of Brink computed it (this version's hash of the same game is ${finalHash}).`
          : `Replayed to final-state hash ${finalHash}. The record carries no final hash, so there was nothing to check it against.`;
    this.update({
      screen: 'viewer',
      notice,
      why: null,
    });
  }

  /** Shows the recorded game after `turns` resolved turns. */
  viewTurn(turns: number): void {
    const viewer = this.viewer;
    if (!viewer) return;
    const target = Math.max(0, Math.min(viewer.total, turns));
    if (target === viewer.turns) return;
    const point = replayTo(viewer.sc, viewer.record, target);
    if (!point.ok) return;
    this.viewer = { ...viewer, turns: target, state: point.value.state };
    this.update({ notice: null });
  }

  /** Starts a new live game from the turn shown; its record names the game it branched from. */
  branchHere(): void {
    const viewer = this.viewer;
    if (!viewer) return;
    const sc = viewer.sc;
    const role = viewer.record.humans.find((h) => sc.roles[h]?.playable);
    if (!role) {
      this.notify(
        'Every role in this game was played by the computer, so there is no role to take over. Branching needs a game with a player.',
      );
      return;
    }
    const branched = branchRecord(sc, viewer.record, viewer.turns);
    if (!branched.ok) {
      this.notify(faultText(branched.errors));
      return;
    }
    this.fromLink = null;
    this.session = branched.value;
    // A branch goes on with the version its parent was played with: its orders are that game's.
    this.played = { role, dyad: false, facilitator: false, sc };
    this.previous = null;
    this.viewer = null;
    this.save();
    this.update({
      ...this.seating(),
      notice: `A new game branched from turn ${viewer.turns} of the replayed one. You play ${sc.roles[role]!.name}.`,
    });
  }

  closeViewer(): void {
    const from = this.viewer?.from ?? 'title';
    this.viewer = null;
    this.update({ screen: from === 'viewer' ? 'title' : from, notice: null });
  }

  /** A new random seed for the next game. */
  newSeed(): void {
    this.setSeed(this.freshSeed());
  }

  /** Saves the game's record as a file. */
  downloadRecord(): void {
    const record = this.record();
    if (!record) return;
    this.effects.download(
      `brink-${record.scenario.id}-${record.seed}.json`,
      JSON.stringify(record, null, 2),
    );
    this.notify('The game record has been downloaded.');
  }

  /** Copies the game's share link; where the page may not, shows it to copy by hand. */
  copyShareLink(): void {
    const link = this.shareLink(this.effects.address());
    if (!link) return;
    const hash = this.hash();
    this.effects.copy(link).then(
      () =>
        this.notify(
          `Share link copied (${link.length} characters). Anyone who opens it sees this game replayed, with hash ${hash}.`,
        ),
      () => this.notify(`Copy this share link: ${link}`),
    );
  }

  /** Saves the oldest save that could not be opened as a file, under its own name. */
  downloadUnopened(): void {
    const file = this.unopenedSaveFile();
    if (!file) return;
    this.effects.download(file.name, file.text);
    this.notify(`The save that could not be opened is downloaded as ${file.name}.`);
  }

  /** Opens the page's file picker for a game record. */
  pickRecordFile(): void {
    this.effects.pickRecordFile();
  }

  /** Moves the keyboard into one of the page's text fields. */
  focusField(id: TextField): void {
    this.effects.focusField(id);
  }

  /** Goes to the live-class page, as the teacher who hosts a class or a student who joins one. */
  openLiveClass(as: 'host' | 'join'): void {
    this.effects.open?.(`./live.html#${as}`);
  }

  /** A link that replays this game anywhere, with its final hash. */
  shareLink(base: string): string | null {
    return this.session ? shareLink(this.gameSc, finishedRecord(this.session), base) : null;
  }

  /** The affordable, unlocked actions the player could still add this turn. */
  canAdd(id: string): boolean {
    const state = this.state;
    if (!state) return false;
    return legalActions(this.gameSc, state, this.ui.role).some((a) => a.id === id);
  }

  record(): GameRecord | null {
    return this.session ? finishedRecord(this.session) : null;
  }

  hash(): string | null {
    return this.state ? hashState(this.state) : null;
  }

  private save(): void {
    const played = this.played;
    if (this.session && played && !this.fromLink)
      writeSave(this.ui.role, this.session, { dyad: played.dyad, facilitator: played.facilitator });
  }
}

/** The role a new game of this scenario starts with: its first playable one. */
function firstRole(sc: CompiledScenario): string {
  return sc.scenario.roles.find((r) => r.playable)!.id;
}

/** A downloaded save holds its record under `record`; anything else is taken as a record. */
function recordOfSave(text: string): unknown {
  try {
    const data: unknown = JSON.parse(text);
    const save = data as { role?: unknown; record?: unknown; format?: unknown };
    return typeof data === 'object' && data !== null && save.format === undefined && save.record
      ? save.record
      : data;
  } catch {
    return text; // parseRecord reports it as not JSON
  }
}
