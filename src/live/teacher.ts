// The teacher's side of a live class: the set-up form, then the projector view (the class code in
// very large letters, the seats and who is in them, who has submitted, the clock, the teacher's
// commands, the last turn's story and hash), then the end (record, share link, class view).
// The teacher token is kept in sessionStorage so a reload gets the class back: first as the same
// connection (reconnect), else as the teacher seat, else by resuming the saved class.
import type { ScenarioVersions } from '../browser/scenario-versions';
import { ROOM_NAME, TEACHER_SEAT, type Welcome } from '../browser/live-protocol';
import type { CompiledScenario } from '../sim';
import {
  kept,
  followRoom,
  newClient,
  refusalOf,
  refusalText,
  withTextFields,
  type Room,
} from './connection';
import { button, clockText, el } from './dom';
import { followRecord, followTurn, type Followed } from './follow';
import {
  asEnded,
  asRecordReply,
  asRejection,
  asTurnResolved,
  asWelcome,
  type ClassShown,
} from './messages';
import { classRecord, pageAddress, recordSection, type ClassRecord } from './record';
import { sessionRecords, type SessionRecord } from './session-records';
import { setupForm } from './setup-form';
import { endingView, lastTurnStory, turnLine } from './story';

const isTeacherKeep = withTextFields(['code', 'token', 'reconnection']);
type TeacherKeep = { code: string; token: string; reconnection: string };

const teacherKeep = kept('brink-live-teacher', isTeacherKeep);

/** Addresses only the computer itself can reach. */
const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

export class TeacherPage {
  private room: Room | null = null;
  /** The class was brought back from its saved record (the server had restarted). */
  private resumed = false;
  private token = '';
  private welcome: Welcome | null = null;
  private game: Followed | null = null;
  private shown: ClassShown | null = null;
  private outOfStep: string | null = null;
  private end: ClassRecord | null = null;
  private readonly main = el('main', { class: 'live teacher' });

  constructor(
    root: HTMLElement,
    private readonly versions: ScenarioVersions,
    private readonly say: (text: string) => void,
  ) {
    root.append(this.main);
  }

  /** The form, or the class this tab was running (after a reload). */
  async start(): Promise<void> {
    const keep = teacherKeep.read();
    let failure: string | null = null;
    if (keep) {
      this.say(`Getting class ${keep.code} back…`);
      failure = await this.comeBack(keep);
      if (failure === null) return;
      teacherKeep.clear();
    }
    await this.showForm();
    if (failure) this.say(failure);
  }

  /** Back in the class this tab was running; null, or why it could not be. */
  private async comeBack(keep: TeacherKeep): Promise<string | null> {
    const client = newClient();
    this.token = keep.token;
    try {
      this.attach(await client.reconnect(keep.reconnection));
      return null;
    } catch {
      // The old connection is gone: come back as the class's teacher.
    }
    try {
      this.attach(
        await client.join(ROOM_NAME, {
          code: keep.code,
          seat: TEACHER_SEAT,
          teacherToken: keep.token,
        }),
      );
      return null;
    } catch (error) {
      if (refusalOf(error) !== 'noSuchClass') return refusalText(error);
    }
    try {
      // Not running (the server restarted): bring it back from its saved record.
      this.attach(
        await client.create(ROOM_NAME, { resumeFrom: keep.code, teacherToken: keep.token }),
      );
      this.resumed = true;
      return null;
    } catch (error) {
      return `Class ${keep.code} could not be resumed: ${refusalText(error)}`;
    }
  }

  // ------------------------------------------------------------------------------------------
  // The set-up form

  private async showForm(): Promise<void> {
    const form = await setupForm(this.versions, async (options) => {
      this.say('Creating the class…');
      try {
        this.attach(await newClient().create(ROOM_NAME, options));
        return null;
      } catch (error) {
        const text = refusalText(error);
        this.say(text);
        return text;
      }
    });
    this.main.replaceChildren(...form);
    this.say('Set up the class, then create it.');
  }

  // ------------------------------------------------------------------------------------------
  // The class

  private attach(room: Room): void {
    this.room = room;
    followRoom(room, {
      message: (type, body) => this.got(type, body),
      welcomed: () => this.welcome !== null,
      state: (shown) => {
        this.shown = shown;
        this.update();
      },
      lost: () =>
        this.say(
          'The connection to the class server was lost. Reload this page to get the class back.',
        ),
    });
  }

  private async got(type: string, body: unknown): Promise<void> {
    switch (type) {
      case 'welcome': {
        const welcome = asWelcome(body);
        if (!welcome || welcome.seat !== TEACHER_SEAT)
          return this.say('A malformed welcome was ignored.');
        this.welcome = welcome;
        if (welcome.teacherToken) this.token = welcome.teacherToken;
        const followed = await followRecord(this.versions, welcome.record);
        if (!followed.ok) return this.fail(followed.message);
        this.game = followed.game;
        this.outOfStep = null;
        teacherKeep.write({
          code: welcome.code,
          token: this.token,
          reconnection: this.room!.reconnectionToken,
        });
        this.showClass();
        this.say(
          this.resumed
            ? `Class ${welcome.code} resumed from its saved record, at turn ${this.game.state.turn}: students reload their pages to take their seats again.`
            : `Class ${welcome.code} is open. Students join with this code.`,
        );
        return;
      }
      case 'turnResolved': {
        const resolved = asTurnResolved(body);
        if (!resolved || !this.game) return;
        const next = followTurn(this.game, resolved);
        if (!next.ok) return this.fail(next.message);
        this.game = next.game;
        this.showClass();
        const over = this.game.state.phase === 'over';
        this.say(
          `Turn ${resolved.turn} resolved. Hash ${resolved.hash}.${over ? ' The game is over.' : ''}`,
        );
        return;
      }
      case 'ended': {
        const ended = asEnded(body);
        if (!ended) return;
        this.say(`The game is ended. Final hash ${ended.hash}.`);
        return;
      }
      case 'record': {
        const reply = asRecordReply(body);
        if (!reply || !this.game) return;
        this.end = classRecord(reply.record, reply.link);
        const entry: SessionRecord = {
          code: this.welcome?.code ?? '',
          title: this.game.sc.scenario.title,
          link: this.end.link,
        };
        sessionRecords.add(entry);
        this.showClass();
        return;
      }
      case 'injected': {
        const event = (body as { event?: unknown } | null)?.event;
        if (typeof event === 'string' && this.game)
          this.say(
            `${this.game.sc.events[event]?.name ?? event} will happen when this turn resolves.`,
          );
        return;
      }
      case 'rejected': {
        const rejection = asRejection(body);
        if (rejection) this.say(rejection.message);
        return;
      }
    }
  }

  private fail(message: string): void {
    this.outOfStep = message;
    this.say(`This page is out of step with the class: ${message}`);
    this.room?.send('sync', {});
    this.showClass();
  }

  private askedRecord = false;

  /** Once the game is over or ended, the record and its link (asked for once). */
  private askRecord(): void {
    if (this.askedRecord) return;
    this.askedRecord = true;
    this.room?.send('record', {});
  }

  private send(type: string, body: object = {}): void {
    this.room?.send(type, body);
  }

  // Elements of the projector view that change without a rebuild (focus stays where it is).
  private readonly clock = el('p', { class: 'clock', attrs: { 'aria-label': 'Turn clock' } });
  private readonly seatsBody = el('tbody');
  private readonly waiting = el('p', { class: 'waiting' });
  private readonly pauseButton = button(
    'Start the clock',
    () => this.send(this.shown?.paused ? 'resume' : 'pause'),
    { id: 'live-pause' },
  );
  private readonly extendButton = button('+1 min', () => this.send('extend', { seconds: 60 }), {
    id: 'live-extend',
  });
  private readonly resolveButton = button('Resolve the turn now', () => this.send('resolve'), {
    id: 'live-resolve',
  });
  private ending = false;
  private readonly endButton = button('End the game…', () => this.pressEnd(), { id: 'live-end' });
  private readonly injectSelect = el('select', { id: 'live-inject' });
  private readonly injectButton = button(
    'Inject',
    () => {
      if (this.injectSelect.value) this.send('inject', { event: this.injectSelect.value });
    },
    { id: 'live-inject-go' },
  );
  private readonly gamePart = el('div', { class: 'game-part' });
  private readonly controls = el(
    'section',
    { class: 'teacher-controls', attrs: { 'aria-label': 'Teacher controls' } },
    this.pauseButton,
    this.extendButton,
    el(
      'span',
      { class: 'inject' },
      el('label', { attrs: { for: 'live-inject' } }, 'Event'),
      this.injectSelect,
      this.injectButton,
    ),
    this.resolveButton,
    this.endButton,
  );

  private pressEnd(): void {
    if (!this.ending) {
      this.ending = true;
      this.endButton.textContent = 'Press again to end the game now';
      this.say('Press “End the game” again to end it: the turn in progress is dropped.');
      return;
    }
    this.ending = false;
    this.endButton.textContent = 'End the game…';
    this.send('end');
  }

  private built = false;

  /** The projector view, built once; its parts are refreshed by update(). */
  private showClass(): void {
    if (!this.welcome || !this.game) return;
    const code = this.welcome.code;
    const address = pageAddress('live.html', 'join');
    if (!this.built) {
      this.built = true;
      this.main.replaceChildren(
        el(
          'section',
          { class: 'projector-head' },
          el(
            'div',
            { class: 'code-box' },
            el('p', { class: 'code-label' }, 'Class code'),
            el('p', { class: 'live-code', id: 'live-code' }, code),
            el('p', { class: 'join-at' }, 'Join at ', el('strong', { class: 'address' }, address)),
            LOOPBACK.test(location.hostname)
              ? el(
                  'p',
                  { class: 'hint' },
                  'Only this computer can reach this address. For the students’ devices, start the server with --host 0.0.0.0 and open this page at this computer’s network address.',
                )
              : null,
          ),
          el('div', { class: 'clock-box' }, this.clock, this.waiting),
        ),
        el(
          'div',
          { class: 'projector-body' },
          el(
            'div',
            null,
            el(
              'section',
              { class: 'seats', attrs: { 'aria-labelledby': 'seats-heading' } },
              el('h2', { id: 'seats-heading' }, 'Seats'),
              el(
                'table',
                { class: 'data seat-table' },
                el(
                  'thead',
                  null,
                  el(
                    'tr',
                    null,
                    ...['Seat', 'Who', 'Connection', 'This turn'].map((h) =>
                      el('th', { attrs: { scope: 'col' } }, h),
                    ),
                  ),
                ),
                this.seatsBody,
              ),
            ),
            this.controls,
          ),
          this.gamePart,
        ),
      );
    }
    this.showGame();
    this.update();
  }

  /** The turn, the last turn's story, the hash and (at the end) the record. */
  private showGame(): void {
    const game = this.game!;
    const sc = game.sc;
    this.fillInjects(sc);
    const parts: (HTMLElement | null)[] = [
      el('p', { class: 'turn-line' }, turnLine(sc, game.state)),
      el('p', { class: 'hash-line' }, 'Hash ', el('code', { id: 'live-hash' }, game.hash)),
      this.outOfStep
        ? el('p', { class: 'problem', attrs: { role: 'alert' } }, this.outOfStep)
        : null,
      endingView(sc, game.state),
      this.end ? this.endSection() : null,
      lastTurnStory(sc, game.state) ??
        el(
          'p',
          { class: 'hint' },
          'What happened in each turn appears here when it resolves: the orders of every role, the rolls, the events and what changed.',
        ),
    ];
    this.gamePart.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  private fillInjects(sc: CompiledScenario): void {
    const state = this.game!.state;
    const chosen = this.injectSelect.value;
    const events = sc.scenario.events.filter(
      (e) =>
        e.injectable &&
        (e.repeatable || state.happened[e.id] === undefined) &&
        !state.injected.includes(e.id),
    );
    this.injectSelect.replaceChildren(
      ...events.map((e) => el('option', { attrs: { value: e.id } }, e.name)),
    );
    if (events.some((e) => e.id === chosen)) this.injectSelect.value = chosen;
  }

  private endSection(): HTMLElement {
    const records = sessionRecords.read();
    const pasted = records.map((r) => `Class ${r.code}: ${r.link}`).join('\n');
    return recordSection(
      'The record',
      this.game!.hash,
      `brink-${this.welcome!.code}.json`,
      this.end!,
      el(
        'p',
        null,
        el(
          'a',
          {
            id: 'live-class-view',
            attrs: {
              href: pageAddress('class.html', `paste=${encodeURIComponent(pasted)}`),
              target: '_blank',
              rel: 'noopener',
            },
          },
          `Open the class view with this session’s ${records.length} record${records.length === 1 ? '' : 's'}`,
        ),
      ),
    );
  }

  /** The parts that follow the shared state: the clock, the seats, who has submitted. */
  private update(): void {
    const s = this.shown;
    if (!s || !this.built) return;
    const running = s.phase === 'orders';
    if (!running && this.game) this.askRecord();
    this.clock.textContent = !running
      ? s.phase === 'over'
        ? 'Game over'
        : 'Ended'
      : s.turnSeconds === 0
        ? 'No clock'
        : `${clockText(s.secondsLeft)}${s.paused ? ' (paused)' : ''}`;
    this.clock.classList.toggle('paused', s.paused && running);
    this.pauseButton.textContent = s.paused ? 'Start the clock' : 'Pause the clock';
    this.pauseButton.setAttribute('aria-pressed', String(!s.paused));
    for (const b of [this.pauseButton, this.extendButton])
      b.disabled = !running || s.turnSeconds === 0;
    for (const b of [this.resolveButton, this.endButton, this.injectButton, this.injectSelect])
      b.disabled = !running;
    // Once the game is over the commands have nothing to act on: the record takes their place.
    this.controls.hidden = !running;
    const pending = s.seats.filter((seat) => !seat.submitted);
    this.waiting.textContent = running
      ? pending.length === 0
        ? 'Every role has given its orders.'
        : `Waiting for ${[...new Set(pending.map((p) => this.roleName(p.role)))].join(', ')}`
      : '';
    this.seatsBody.replaceChildren(
      ...s.seats.map((seat) => {
        const state = seat.submitted
          ? 'Submitted'
          : seat.proposed
            ? 'Proposed, waiting for the partner'
            : 'Choosing';
        return el(
          'tr',
          { class: seat.connected ? 'connected' : seat.taken ? 'dropped' : 'free' },
          el('th', { attrs: { scope: 'row' } }, this.seatName(seat.role, seat.partner)),
          el('td', { class: 'who' }, seat.taken ? seat.name || '(no name)' : '—'),
          el(
            'td',
            null,
            seat.connected ? 'Connected' : seat.taken ? 'Dropped (seat kept)' : 'Free',
          ),
          el('td', { class: seat.submitted ? 'submitted' : '' }, running ? state : '—'),
        );
      }),
    );
  }

  private roleName(role: string): string {
    return this.game?.sc.roles[role]?.name ?? role;
  }

  private seatName(role: string, partner: number): string {
    return partner ? `${this.roleName(role)} (${partner} of 2)` : this.roleName(role);
  }
}
