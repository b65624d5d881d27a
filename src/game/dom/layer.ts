// The accessible twin of the canvas: every control is a real, labelled <button> that runs the same
// command as its canvas twin, and every text the canvas draws is here as text. Built with
// createElement and textContent only: no scenario or record text is ever parsed as HTML.
import { SEED_BOX_LENGTH, type GameController } from '../controller';
import { allControls, press, type Control, type ScreenModel } from '../view/model';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A labelled one-line text field; `on` says whether to report each keystroke or the final value. */
function textField(
  label: string,
  id: string,
  value: string,
  maxLength: number,
  on: 'input' | 'change',
  report: (value: string) => void,
): HTMLElement {
  const wrapper = el('label', `${label} `);
  const input = el('input');
  input.type = 'text';
  input.id = id;
  input.value = value;
  input.maxLength = maxLength;
  input.spellcheck = false;
  input.addEventListener(on, () => report(input.value));
  wrapper.append(input);
  return wrapper;
}

export class DomLayer {
  private lastScreen = '';
  private lastAnnounced = '';
  private lastSignature = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly announcer: HTMLElement,
    private readonly controller: GameController,
    private readonly model: () => ScreenModel,
    /** The screen's model and what is drawn beside it as one text (equal: nothing to rebuild). */
    private readonly signature: () => string,
  ) {
    // A rebuild between a button's press and its release would swallow the click: wait for the
    // release (the click comes first), then rebuild.
    root.addEventListener('pointerdown', () => (this.pressing = true));
    document.addEventListener('pointerup', () => {
      this.pressing = false;
      if (this.deferred) setTimeout(() => this.flush(), 0);
    });
  }

  private pressing = false;
  private deferred = false;

  private flush(): void {
    if (!this.deferred) return;
    this.deferred = false;
    this.render(this.model());
  }

  render(model: ScreenModel): void {
    if (this.pressing) {
      this.deferred = true;
      return;
    }
    // Rebuilding the DOM under a pointer loses its click, and screen readers lose their place:
    // rebuild only when what the layer shows has changed (not for a mere move of the cursor).
    const signature = this.signature();
    if (signature === this.lastSignature) {
      this.followCursor();
      return;
    }
    this.lastSignature = signature;
    const active = document.activeElement;
    const focusedId =
      active instanceof HTMLElement && this.root.contains(active)
        ? active.dataset.control
        : undefined;
    const screenChanged = model.screen !== this.lastScreen;

    this.root.classList.toggle('visible', model.textView);
    this.root.dataset.screen = model.screen;
    const frag = document.createDocumentFragment();
    const header = el('header');
    header.append(el('h1', model.title), el('p', model.subtitle, 'subtitle'));
    const clock = model.clock;
    if (clock && model.screen === 'crisis') {
      // Always in place while the clock runs, so the page does not jump each second.
      const line = el('p', clock, 'clock');
      line.id = 'clock';
      header.append(line);
    }
    frag.append(header);
    if (model.notice) {
      const notice = el('p', model.notice, 'notice');
      notice.setAttribute('role', 'status');
      frag.append(notice);
    }
    if (model.screen === 'title') frag.append(this.seedField(), this.classCodeField());
    if (model.screen === 'crisis') frag.append(this.rationaleField());
    // Text first, then the controls (on the title screen the choices come first).
    const controls = this.controls(model);
    const sections = this.sections(model);
    if (model.screen === 'title') frag.append(controls, sections);
    else frag.append(sections, controls);
    if (model.overlay) frag.prepend(this.overlay(model.overlay, model));
    this.root.replaceChildren(frag);
    this.lastScreen = model.screen;

    const target = model.focus ?? focusedId;
    if (target && (focusedId !== undefined || this.root.contains(document.activeElement))) {
      this.root.querySelector<HTMLElement>(`[data-control="${CSS.escape(target)}"]`)?.focus();
    } else if (focusedId) {
      this.root.querySelector<HTMLElement>(`[data-control="${CSS.escape(focusedId)}"]`)?.focus();
    }
    this.announce(
      screenChanged
        ? `${model.title}. ${model.subtitle}.${model.notice ? ` ${model.notice}` : ''}${this.summary(model)}`
        : (model.notice ?? ''),
    );
  }

  private controls(model: ScreenModel): DocumentFragment {
    const frag = document.createDocumentFragment();
    for (const group of model.groups) {
      const nav = el('section', undefined, 'controls');
      nav.setAttribute('aria-label', group.heading);
      nav.append(el('h2', group.heading));
      const list = el('ul');
      for (const control of group.controls) {
        const item = el('li');
        item.append(this.button(control));
        list.append(item);
      }
      nav.append(list);
      frag.append(nav);
    }
    return frag;
  }

  private sections(model: ScreenModel): DocumentFragment {
    const frag = document.createDocumentFragment();
    for (const section of model.sections) {
      const block = el('section', undefined, 'text');
      block.id = `section-${section.id}`;
      block.append(el('h2', section.heading));
      for (const line of section.lines) block.append(el('p', line));
      frag.append(block);
    }
    return frag;
  }

  /** Moves DOM focus to the control under the keyboard cursor, when focus is in the layer. */
  private followCursor(): void {
    const id = this.model().focus;
    if (!id || !this.root.contains(document.activeElement)) return;
    const button = this.root.querySelector<HTMLElement>(`[data-control="${CSS.escape(id)}"]`);
    if (button && button !== document.activeElement) button.focus();
  }

  /** The turn summary screen readers hear when a turn resolves. */
  private summary(model: ScreenModel): string {
    if (model.screen !== 'resolution' && model.screen !== 'debrief') return '';
    const first = model.sections.slice(0, 2).map((s) => `${s.heading}: ${s.lines.join('. ')}`);
    return ` ${first.join(' ')}`;
  }

  private announce(text: string): void {
    if (!text || text === this.lastAnnounced) return;
    this.lastAnnounced = text;
    this.announcer.textContent = text;
  }

  private button(control: Control): HTMLButtonElement {
    const button = el('button', control.label);
    button.type = 'button';
    // The name is the label alone; the description and the key are read as such, not run together.
    button.setAttribute('aria-label', control.label);
    button.dataset.control = control.id;
    if (control.pressed !== undefined) button.setAttribute('aria-pressed', String(control.pressed));
    if (control.disabled) button.setAttribute('aria-disabled', 'true');
    if (control.key)
      button.setAttribute('aria-keyshortcuts', control.key === '?' ? 'Shift+Slash' : control.key);
    if (control.detail) {
      const detail = el('span', control.detail, 'detail');
      detail.id = `detail-${control.id}`;
      button.append(detail);
      button.setAttribute('aria-describedby', detail.id);
    }
    if (control.key) button.append(el('kbd', control.key));
    button.addEventListener('click', () => press(this.controller, control, !control.disabled));
    button.addEventListener('focus', () => this.controller.focusControl(control.id));
    return button;
  }

  private seedField(): HTMLElement {
    const c = this.controller;
    const { seed } = c.ui;
    return textField('Seed', 'seed-input', seed, SEED_BOX_LENGTH, 'change', (v) => c.setSeed(v));
  }

  private classCodeField(): HTMLElement {
    const c = this.controller;
    const field = textField('Class code', 'class-code-input', '', 240, 'change', (value) => {
      if (value.trim()) c.joinClass(value);
    });
    field.querySelector('input')!.placeholder =
      `${c.sc.scenario.id}@${c.sc.scenario.version}:seed:minutes:role`;
    return field;
  }

  private rationaleField(): HTMLElement {
    const c = this.controller;
    const label = 'Your reason for these orders (optional, one sentence)';
    return textField(label, 'rationale-input', c.ui.rationale, 280, 'input', (value) =>
      c.setRationale(value),
    );
  }

  private overlay(kind: 'glossary' | 'keys', model: ScreenModel): HTMLElement {
    const box = el('section', undefined, 'overlay');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', kind === 'glossary' ? 'Glossary' : 'Keyboard shortcuts');
    box.append(el('h2', kind === 'glossary' ? 'Glossary' : 'Keyboard shortcuts'));
    const list = el('dl');
    const rows =
      kind === 'glossary'
        ? this.controller.sc.scenario.glossary.map((g) => [g.term, g.definition] as const)
        : keyRows(model);
    for (const [term, text] of rows) list.append(el('dt', term), el('dd', text));
    box.append(list);
    const close = el('button', 'Close (Escape)');
    close.type = 'button';
    close.addEventListener('click', () => this.controller.openOverlay(null));
    box.append(close);
    return box;
  }
}

export function keyRows(model: ScreenModel): (readonly [string, string])[] {
  const rows: (readonly [string, string])[] = [
    ['↑ ↓ or Tab', 'move between controls'],
    ['Enter or Space', 'press the control you are on'],
    ['Escape', 'close a panel'],
    ['Page Up / Page Down', 'scroll the text on the canvas'],
  ];
  for (const control of allControls(model))
    if (control.key) rows.push([control.key, control.label]);
  return rows;
}
