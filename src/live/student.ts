// The student's side of a live class: the class code and a name, the class's seats (watched as a
// projector until one is taken), then the seat: the role's briefing, capital, news, intelligence
// and action cards by track, the orders chosen and submitted (a dyad proposes, the partner
// confirms or refuses), and after each turn what happened, with this page's hash checked against
// the room's. The reconnection token is kept in sessionStorage: a reload keeps the seat.
import type { ScenarioVersions } from '../browser/scenario-versions';
import {
  MAX_NAME,
  PROJECTOR_SEAT,
  ROOM_NAME,
  normaliseClassCode,
  type Proposal,
  type Welcome,
} from '../browser/live-protocol';
import { presentationOf, selectActions, type ActionView } from '../sim';
import {
  followRoom,
  kept,
  newClient,
  refusalText,
  shownState,
  withTextFields,
  type Room,
} from './connection';
import { button, clockText, el, field, submitButton } from './dom';
import { followRecord, followTurn, type Followed } from './follow';
import {
  asAccepted,
  asProposal,
  asRecordReply,
  asRefused,
  asRejection,
  asTurnResolved,
  asWelcome,
  type ClassShown,
} from './messages';
import { classRecord, recordSection, type ClassRecord } from './record';
import { situationView } from './situation';
import { endingView, lastTurnStory, turnLine } from './story';

const isSeatKeep = withTextFields(['code', 'seat', 'name', 'reconnection']);

const seatKeep = kept('brink-live-seat', isSeatKeep);

type Orders = { actions: string[]; rationale?: string };

export class StudentPage {
  private readonly main = el('main', { class: 'live student' });
  private readonly problem = el('p', { class: 'problem', attrs: { role: 'alert' } });
  private room: Room | null = null;
  private watching: Room | null = null;
  private name = '';
  private code = '';

  constructor(
    root: HTMLElement,
    private readonly versions: ScenarioVersions,
    private readonly say: (text: string) => void,
    private readonly codeFromAddress: string,
  ) {
    root.append(this.main);
  }

  async start(): Promise<void> {
    const keep = seatKeep.read();
    if (keep) {
      this.name = keep.name;
      this.code = keep.code;
      this.say(`Getting your seat in class ${keep.code} back…`);
      try {
        this.sit(await newClient().reconnect(keep.reconnection));
        return;
      } catch {
        // Gone for longer than the seat is kept, or the server restarted: join again.
      }
      try {
        this.sit(
          await newClient().join(ROOM_NAME, { code: keep.code, seat: keep.seat, name: keep.name }),
        );
        return;
      } catch (error) {
        seatKeep.clear();
        this.problem.textContent = refusalText(error);
        this.say(this.problem.textContent);
      }
    }
    this.showCodeForm();
  }

  // ------------------------------------------------------------------------------------------
  // Finding the class and a seat

  private showCodeForm(): void {
    const code = el('input', {
      id: 'live-join-code',
      attrs: {
        type: 'text',
        maxlength: '12',
        autocomplete: 'off',
        spellcheck: 'false',
        autocapitalize: 'characters',
      },
    });
    code.value = this.code || this.codeFromAddress;
    const name = el('input', {
      id: 'live-join-name',
      attrs: { type: 'text', maxlength: String(MAX_NAME), autocomplete: 'nickname' },
    });
    name.value = this.name;
    const go = submitButton('Find the class', { id: 'live-find' });
    const find = async () => {
      this.problem.textContent = '';
      this.code = normaliseClassCode(code.value);
      this.name = name.value.trim().slice(0, MAX_NAME);
      if (!this.code) {
        this.problem.textContent = 'Type the class code shown on the projector.';
        code.focus();
        return;
      }
      go.disabled = true;
      this.say(`Looking for class ${this.code}…`);
      try {
        this.watchSeats(
          await newClient().join(ROOM_NAME, { code: this.code, seat: PROJECTOR_SEAT }),
        );
      } catch (error) {
        this.problem.textContent = refusalText(error);
        this.say(this.problem.textContent);
        go.disabled = false;
        code.focus();
      }
    };
    const form = el(
      'form',
      { class: 'join', attrs: { novalidate: '' } },
      field('Class code', code, 'Five letters and digits, as on the projector.'),
      field('Your name or your group’s (shown on the projector)', name),
      go,
      this.problem,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void find();
    });
    this.main.replaceChildren(el('h1', null, 'Join a live class'), form);
    (code.value ? name : code).focus();
  }

  /** The class's seats, followed live while the student chooses one. */
  private watchSeats(room: Room): void {
    this.watching = room;
    const list = el('ul', { class: 'seat-list' });
    let first = true;
    const draw = () => {
      const shown = shownState(room);
      if (!shown || shown.seats.length === 0) return;
      if (!this.versions.currentOf(shown.scenario) && this.versions.knows(shown.scenario))
        void this.versions.load(shown.scenario).then(draw);
      // The list is redrawn as seats are taken: the keyboard stays on the seat it was on.
      const active = document.activeElement as HTMLElement | null;
      const focused = active && list.contains(active) ? (active.dataset.seat ?? null) : null;
      list.replaceChildren(
        ...shown.seats.map((seat) => {
          const label = `${this.seatLabel(shown.scenario, seat.role, seat.partner)}${seat.taken ? ` — taken${seat.name ? ` by ${seat.name}` : ''}` : ' — free'}`;
          const b = button(label, () => void this.takeSeat(seat.seat), {
            class: seat.taken ? 'seat taken' : 'seat free',
            attrs: { 'data-seat': seat.seat },
          });
          return el('li', null, b);
        }),
      );
      const again = focused
        ? list.querySelector<HTMLElement>(`[data-seat="${CSS.escape(focused)}"]`)
        : first
          ? (list.querySelector<HTMLElement>('.seat.free') ?? list.querySelector('button'))
          : null;
      again?.focus();
      first = false;
    };
    room.onStateChange(draw);
    room.onMessage('*', () => {});
    this.main.replaceChildren(
      el('h1', null, `Class ${this.code}: choose your seat`),
      el(
        'p',
        { class: 'lead' },
        'Take the seat of the role your group plays. A taken seat is someone else’s.',
      ),
      list,
      this.problem,
      button('Another class code', () => {
        void room.leave(true);
        this.watching = null;
        this.showCodeForm();
      }),
    );
    draw();
    this.say(`Class ${this.code} found: choose your seat.`);
  }

  /** A seat by its role's name, once the class's scenario is loaded (its id until then). */
  private seatLabel(scenario: string, role: string, partner: number): string {
    const name = this.versions.currentOf(scenario)?.roles[role]?.name ?? role;
    return partner ? `${name} (partner ${partner} of 2)` : name;
  }

  private async takeSeat(seat: string): Promise<void> {
    this.problem.textContent = '';
    this.say(`Taking the seat ${seat}…`);
    try {
      const room = await newClient().join(ROOM_NAME, { code: this.code, seat, name: this.name });
      await this.watching?.leave(true);
      this.watching = null;
      this.sit(room);
    } catch (error) {
      this.problem.textContent = refusalText(error);
      this.say(this.problem.textContent);
    }
  }

  // ------------------------------------------------------------------------------------------
  // The seat

  /** Gives the seat up (it is free at once for someone else) and goes back to the class code. */
  private async leaveSeat(): Promise<void> {
    const room = this.room;
    this.room = null;
    this.welcome = null;
    this.game = null;
    this.mine = null;
    this.proposal = null;
    this.draft = [];
    seatKeep.clear();
    await room?.leave(true);
    this.showCodeForm();
    this.say('You left your seat. Join again with the class code.');
  }

  private welcome: Welcome | null = null;
  private game: Followed | null = null;
  private shown: ClassShown | null = null;
  private mine: Orders | null = null;
  private proposal: Proposal | null = null;
  private draft: string[] = [];
  private hashCheck: { ok: boolean; text: string } | null = null;
  private end: ClassRecord | null = null;
  private askedRecord = false;
  private shownEnd = false;

  private sit(room: Room): void {
    this.room = room;
    followRoom(room, {
      message: (type, body) => this.got(type, body),
      welcomed: () => this.welcome !== null,
      state: (shown) => {
        this.shown = shown;
        this.update();
      },
      lost: () => {
        // The student gave the seat up (leaveSeat): nothing was lost.
        if (this.room !== room) return;
        this.say(
          'The connection to the class was lost. Reload this page: your seat is kept for two minutes.',
        );
      },
    });
  }

  private async got(type: string, body: unknown): Promise<void> {
    switch (type) {
      case 'welcome': {
        const welcome = asWelcome(body);
        if (!welcome || !welcome.role) return this.say('A malformed welcome was ignored.');
        const followed = await followRecord(this.versions, welcome.record);
        if (!followed.ok) {
          this.problem.textContent = followed.message;
          return this.say(followed.message);
        }
        this.welcome = welcome;
        this.game = followed.game;
        this.mine = welcome.mine;
        this.proposal = welcome.proposal;
        this.hashCheck = null;
        seatKeep.write({
          code: welcome.code,
          seat: welcome.seat,
          name: this.name,
          reconnection: this.room!.reconnectionToken,
        });
        this.render();
        this.say(`You play ${this.roleName()} in class ${welcome.code}.`);
        return;
      }
      case 'accepted': {
        const orders = asAccepted(body);
        if (!orders) return;
        this.mine = orders;
        this.proposal = null;
        this.problem.textContent = '';
        this.render();
        this.say('Submitted, waiting for the others.');
        return;
      }
      case 'proposal': {
        const proposal = asProposal(body);
        if (!proposal) return;
        this.proposal = proposal;
        this.render();
        this.say(
          proposal.from === this.welcome?.seat
            ? 'Proposed: waiting for your partner to confirm or refuse.'
            : 'Your partner proposes orders: confirm or refuse them.',
        );
        return;
      }
      case 'refused': {
        const refused = asRefused(body);
        if (!refused) return;
        this.proposal = null;
        this.render();
        this.say(
          refused.by === this.welcome?.seat
            ? 'You refused the proposal; your partner can propose again.'
            : `Your partner refused the proposal${refused.note ? `: “${refused.note}”` : ''}. Propose again.`,
        );
        return;
      }
      case 'turnResolved': {
        const resolved = asTurnResolved(body);
        if (!resolved || !this.game) return;
        const next = followTurn(this.game, resolved);
        if (!next.ok) {
          this.hashCheck = { ok: false, text: `Out of step with the class: ${next.message}` };
          this.render();
          this.say(this.hashCheck.text);
          this.room?.send('sync', {});
          return;
        }
        this.game = next.game;
        this.mine = null;
        this.proposal = null;
        this.draft = [];
        this.rationale.value = '';
        this.problem.textContent = '';
        this.hashCheck = {
          ok: true,
          text: `Turn ${resolved.turn} resolved. This page reached the class’s hash ${resolved.hash}.`,
        };
        this.render();
        this.say(this.hashCheck.text);
        return;
      }
      case 'record': {
        const reply = asRecordReply(body);
        if (!reply) return;
        this.end = classRecord(reply.record, reply.link);
        this.render();
        return;
      }
      case 'rejected': {
        const rejection = asRejection(body);
        if (!rejection) return;
        this.problem.textContent = rejection.message;
        this.say(rejection.message);
        return;
      }
    }
  }

  private roleName(): string {
    const role = this.welcome?.role ?? '';
    return this.game?.sc.roles[role]?.name ?? role;
  }

  private readonly clock = el('p', { class: 'clock small' });
  private readonly waiting = el('p', { class: 'waiting' });
  private readonly summary = el('p', { class: 'draft-summary', attrs: { 'aria-live': 'polite' } });
  private readonly submitButton = button('Submit these orders', () => this.submit(), {
    id: 'live-submit',
  });
  private readonly rationale = el('textarea', {
    id: 'live-rationale',
    attrs: { rows: '2', maxlength: '200' },
  });

  /** The whole seat view, from the game this page follows. */
  private render(): void {
    const welcome = this.welcome;
    const game = this.game;
    if (!welcome || !game) return;
    const { sc, state } = game;
    const role = welcome.role!;
    const over = state.phase === 'over' || this.shown?.phase === 'ended';
    const parts: (HTMLElement | null)[] = [
      el(
        'header',
        { class: 'seat-head' },
        el(
          'h1',
          { attrs: { tabindex: '-1' } },
          this.roleName(),
          welcome.partner ? ` (partner ${welcome.partner} of 2)` : '',
        ),
        el(
          'p',
          { class: 'seat-meta' },
          `Class ${welcome.code}${this.name ? ` · ${this.name}` : ''} · ${turnLine(sc, state)}`,
        ),
        this.clock,
        button('Leave this seat', () => void this.leaveSeat(), {
          class: 'small',
          id: 'live-leave',
        }),
      ),
      this.hashCheck
        ? el(
            'p',
            { class: this.hashCheck.ok ? 'hash-ok' : 'problem', id: 'live-hash-check' },
            this.hashCheck.text,
          )
        : null,
      this.problem,
      endingView(sc, state),
      this.end ? this.endSection() : null,
      el(
        'div',
        { class: 'seat-body' },
        el(
          'div',
          null,
          over ? null : this.ordersSection(sc, state, role),
          lastTurnStory(sc, state),
        ),
        situationView(sc, state, role),
      ),
    ];
    const focus = this.focusKey();
    this.main.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    this.restoreFocus(focus);
    if (over) this.askRecord();
    // The end arrives at the top of the page, wherever the student had scrolled to.
    if (this.end && !this.shownEnd) {
      this.shownEnd = true;
      window.scrollTo(0, 0);
    }
    this.update();
  }

  /** What has the keyboard in the seat view (an id, or an action card), if anything there does. */
  private focusKey(): string | null {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || !this.main.contains(focused)) return null;
    return focused.dataset.action ? `card:${focused.dataset.action}` : focused.id || 'heading';
  }

  /** After a rebuild, the keyboard goes back where it was, or to the heading if that is gone. */
  private restoreFocus(key: string | null): void {
    if (!key) return;
    const again = key.startsWith('card:')
      ? this.main.querySelector<HTMLElement>(`[data-action="${CSS.escape(key.slice(5))}"]`)
      : key === 'heading'
        ? null
        : this.main.querySelector<HTMLElement>(`#${CSS.escape(key)}`);
    if (again && !(again as HTMLButtonElement).disabled) again.focus();
    else this.main.querySelector<HTMLElement>('h1')?.focus();
  }

  private askRecord(): void {
    if (this.askedRecord) return;
    this.askedRecord = true;
    this.room?.send('record', {});
  }

  private ordersSection(sc: Followed['sc'], state: Followed['state'], role: string): HTMLElement {
    const dyad = (this.welcome?.partner ?? 0) !== 0;
    const section = el('section', {
      class: 'orders',
      attrs: { 'aria-labelledby': 'orders-heading' },
    });
    section.append(el('h2', { id: 'orders-heading' }, 'Your orders this turn'));
    const name = (id: string) => sc.actions[id]?.name ?? id;
    if (this.mine) {
      section.append(
        el(
          'p',
          { class: 'submitted-line', id: 'live-submitted' },
          'Submitted, waiting for the others.',
        ),
        el(
          'p',
          null,
          `Your orders: ${this.mine.actions.length ? this.mine.actions.map(name).join('; ') : 'none'}`,
        ),
        this.waiting,
      );
      return section;
    }
    if (dyad && this.proposal) {
      const own = this.proposal.from === this.welcome?.seat;
      section.append(
        el(
          'p',
          { class: 'proposal' },
          `${own ? 'You proposed' : 'Your partner proposes'}: ${this.proposal.actions.length ? this.proposal.actions.map(name).join('; ') : 'no orders'}`,
        ),
      );
      if (own) section.append(el('p', null, 'Waiting for your partner to confirm or refuse.'));
      else
        section.append(
          button('Confirm these orders', () => this.room?.send('confirm', {}), {
            id: 'live-confirm',
          }),
          button('Refuse', () => this.room?.send('refuse', {}), { id: 'live-refuse' }),
        );
      return section;
    }
    const max = sc.roles[role]!.maxActionsPerTurn;
    const actions = selectActions(sc, state, role);
    const tracks = presentationOf(sc).tracks as Record<string, string>;
    for (const track of Object.keys(tracks)) {
      const ofTrack = actions.filter((a) => a.track === track);
      if (ofTrack.length === 0) continue;
      section.append(
        el('h3', null, tracks[track]!),
        el('ul', { class: 'cards' }, ...ofTrack.map((a) => el('li', null, this.card(a, max)))),
      );
    }
    this.submitButton.textContent = dyad
      ? 'Propose these orders to your partner'
      : 'Submit these orders';
    // Kept in view at the foot of the window while the cards scroll past.
    section.append(
      el(
        'div',
        { class: 'submit-bar' },
        this.summary,
        field('Why (optional, for the debrief)', this.rationale),
        this.submitButton,
        this.waiting,
      ),
    );
    this.summarise(max);
    return section;
  }

  private card(a: ActionView, max: number): HTMLElement {
    const chosen = this.draft.includes(a.id);
    const b = el(
      'button',
      {
        class: 'card',
        attrs: { type: 'button', 'aria-pressed': String(chosen), 'data-action': a.id },
      },
      el('span', { class: 'card-name' }, a.name),
      el('span', { class: 'card-cost' }, `cost ${a.cost}`),
      el('span', { class: 'card-text' }, a.description),
      a.locked ? el('span', { class: 'card-lock' }, a.locked) : null,
      !a.locked && !a.affordable
        ? el('span', { class: 'card-lock' }, 'Not enough political capital.')
        : null,
    );
    b.disabled = a.locked !== null;
    b.addEventListener('click', () => {
      const at = this.draft.indexOf(a.id);
      if (at >= 0) this.draft.splice(at, 1);
      else if (this.draft.length < max) this.draft.push(a.id);
      else {
        this.say(`At most ${max} actions a turn: unselect one first.`);
        return;
      }
      b.setAttribute('aria-pressed', String(this.draft.includes(a.id)));
      this.summarise(max);
    });
    return b;
  }

  private summarise(max: number): void {
    const game = this.game!;
    const role = this.welcome!.role!;
    const cost = this.draft.reduce((sum, id) => sum + (game.sc.actions[id]?.cost ?? 0), 0);
    const capital = game.state.capital[role] ?? 0;
    this.summary.textContent = `Chosen ${this.draft.length} of at most ${max} · cost ${cost} of your ${capital} political capital${cost > capital ? ' — too much' : ''}. No orders is an order too.`;
  }

  private submit(): void {
    this.problem.textContent = '';
    const rationale = this.rationale.value.trim();
    const dyad = (this.welcome?.partner ?? 0) !== 0;
    this.room?.send(dyad ? 'propose' : 'submit', {
      actions: [...this.draft],
      ...(rationale ? { rationale } : {}),
    });
  }

  private endSection(): HTMLElement {
    return recordSection(
      this.shown?.phase === 'ended' ? 'The teacher ended the game' : 'The game is over',
      this.game!.hash,
      `brink-${this.welcome!.code}-${this.welcome!.seat}.json`,
      this.end!,
    );
  }

  /** The clock and who is still choosing, from the shared state (no rebuild). */
  private update(): void {
    const s = this.shown;
    if (!s) return;
    this.clock.textContent =
      s.phase !== 'orders'
        ? s.phase === 'over'
          ? 'Game over'
          : 'The teacher ended the game'
        : s.turnSeconds === 0
          ? 'No turn clock: the teacher resolves the turn'
          : `Time left ${clockText(s.secondsLeft)}${s.paused ? ' (clock paused)' : ''}`;
    const pending = [...new Set(s.seats.filter((x) => !x.submitted).map((x) => x.role))];
    this.waiting.textContent =
      s.phase === 'orders' && pending.length
        ? `Still choosing: ${pending.map((r) => this.game?.sc.roles[r]?.name ?? r).join(', ')}.`
        : '';
    if (s.phase !== 'orders' && this.welcome && !this.askedRecord) this.render();
  }
}
