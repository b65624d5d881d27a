// The teacher pack's page on what-if switches: each assumption of the model a teacher can switch
// before a game, why it is uncertain, its source, and what each option means, with how to use
// them in class. Made from the scenario's `whatIfs`, so the page and the game cannot disagree.
import type { CompiledScenario, WhatIf } from '../sim';
import { dataTable, el, kicker } from './dom';

function switchPart(whatIf: WhatIf): HTMLElement {
  const rows = whatIf.options.map((option, i) =>
    el(
      'tr',
      i === 0 ? { class: 'as-modelled' } : null,
      el('th', { attrs: { scope: 'row' } }, option.label),
      el('td', null, option.description),
      // The model as built is left out of a class code: nothing to write.
      el('td', { class: 'mono' }, i === 0 ? '—' : `${whatIf.id}=${option.id}`),
    ),
  );
  return el(
    'div',
    { class: 'what-if', attrs: { 'data-switch': whatIf.id } },
    el('h3', null, whatIf.name),
    el('p', null, whatIf.description),
    whatIf.source ? el('p', { class: 'source-line' }, `Source: ${whatIf.source}`) : null,
    dataTable('what-if-options', ['Option', 'What it means', 'In a class code'], rows),
  );
}

/** The section, or null when the scenario has no switches. */
export function whatIfGuide(sc: CompiledScenario): HTMLElement | null {
  const switches = sc.scenario.whatIfs ?? [];
  if (switches.length === 0) return null;
  return el(
    'section',
    { class: 'what-ifs new-page', id: 'what-if-switches' },
    kicker('For the teacher'),
    el('h2', null, 'What-if switches'),
    el(
      'p',
      null,
      'The model rests on assumptions that historians still argue about. Each switch below changes one of them for a whole game; the first option of each is the model as calibrated against history.',
    ),
    el('h3', null, 'Using them in class'),
    el(
      'ul',
      null,
      el(
        'li',
        null,
        'Set the switches on the title screen before a new game. They cannot change during a game.',
      ),
      el(
        'li',
        null,
        'They are part of the class code that facilitator mode shows (its last part, as in “resolve=setOnWar”): every group that joins with the code plays under the same switches, and the class view flags a record played under others.',
      ),
      el(
        'li',
        null,
        'A game keeps its setting: its record, share link and printed report name it, a replay uses it, and the class view shows it beside each group.',
      ),
      el(
        'li',
        null,
        'To let a class see what an assumption does, give half the groups the same seed as modelled and the other half the same seed with one switch changed, then compare the endings in the class view; in the debrief, “Luck or choice?” can play a group’s own orders under the other setting.',
      ),
    ),
    ...switches.map(switchPart),
  );
}
