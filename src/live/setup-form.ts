// The teacher's set-up of a live class: the scenario (the shipped ones), the seed, the turn clock
// in minutes, and which roles people play, each as one seat or a dyad of two; the rest are played
// by the computer. The form checks what it can and hands CreateOptions to `create`; the server
// checks them again and refuses with a sentence, which the form shows.
import { randomSeed } from '../browser/seed';
import type { CreateOptions } from '../browser/live-protocol';
import type { ScenarioVersions } from '../browser/scenario-versions';
import { MAX_SEED } from '../sim';
import { el, field, submitButton } from './dom';

/** The scenarios a class can play: the ones the server ships (src/server/scenarios.ts). */
const SCENARIOS = ['ukraine-2021', 'cuba-1962'] as const;
const MAX_MINUTES = 60;

/**
 * The form's heading, lead and form. `create` makes the class and returns null, or the reason it
 * could not.
 */
export async function setupForm(
  versions: ScenarioVersions,
  create: (options: CreateOptions) => Promise<string | null>,
): Promise<HTMLElement[]> {
  const scenario = el('select', { id: 'live-scenario' });
  for (const id of SCENARIOS) {
    const loaded = await versions.load(id);
    const title = loaded.ok ? loaded.value.scenario.title.replace(/^Brink: /, '') : id;
    scenario.append(el('option', { attrs: { value: id } }, title));
  }
  const seed = el('input', {
    id: 'live-seed',
    attrs: { type: 'text', maxlength: String(MAX_SEED), spellcheck: 'false' },
  });
  seed.value = randomSeed();
  const minutes = el('input', {
    id: 'live-minutes',
    attrs: { type: 'number', min: '0', max: String(MAX_MINUTES), step: '1', inputmode: 'numeric' },
  });
  minutes.value = '5';
  const roles = el('fieldset', { class: 'roles' });
  const createButton = submitButton('Create the class', { id: 'live-create' });
  const problem = el('p', { class: 'problem', attrs: { role: 'alert' } });

  const showRoles = async () => {
    roles.replaceChildren(
      el('legend', null, 'Roles played by people (the others by the computer)'),
    );
    const loaded = await versions.load(scenario.value);
    if (!loaded.ok) {
      roles.append(el('p', { class: 'problem' }, loaded.errors[0]!.message));
      return;
    }
    const sc = loaded.value;
    for (const id of sc.roleOrder.filter((r) => sc.roles[r]!.playable)) {
      const people = el('input', { id: `people-${id}`, attrs: { type: 'checkbox', value: id } });
      people.checked = true;
      const dyad = el('input', { id: `dyad-${id}`, attrs: { type: 'checkbox', value: id } });
      roles.append(
        el(
          'div',
          { class: 'role-choice' },
          people,
          el('label', { attrs: { for: people.id } }, sc.roles[id]!.name),
          dyad,
          el('label', { attrs: { for: dyad.id }, class: 'dyad' }, 'two seats (a dyad)'),
        ),
      );
    }
  };

  const submit = async () => {
    problem.textContent = '';
    const chosen = (kind: string) =>
      [...roles.querySelectorAll<HTMLInputElement>(`input[id^="${kind}-"]`)]
        .filter((box) => box.checked)
        .map((box) => box.value);
    const people = chosen('people');
    const mins = Number(minutes.value);
    if (!Number.isInteger(mins) || mins < 0 || mins > MAX_MINUTES) {
      problem.textContent = `The turn clock is a whole number of minutes from 0 (no clock) to ${MAX_MINUTES}.`;
      minutes.focus();
      return;
    }
    if (people.length === 0) {
      problem.textContent = 'Choose at least one role for people to play.';
      return;
    }
    createButton.disabled = true;
    const refused = await create({
      scenario: scenario.value,
      seed: seed.value.trim() || randomSeed(),
      turnSeconds: mins * 60,
      roles: people,
      dyads: chosen('dyad').filter((r) => people.includes(r)),
    });
    if (refused !== null) {
      problem.textContent = refused;
      createButton.disabled = false;
    }
  };

  scenario.addEventListener('change', () => void showRoles());
  await showRoles();
  const form = el(
    'form',
    { class: 'setup', attrs: { novalidate: '' } },
    field('Scenario', scenario),
    field('Seed', seed, 'The same seed and orders always give the same game.'),
    field('Turn clock (minutes)', minutes, '0 for no clock: you resolve each turn yourself.'),
    roles,
    createButton,
    problem,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit();
  });
  return [
    el('h1', null, 'Host a live class'),
    el(
      'p',
      { class: 'lead' },
      'One crisis on every group’s device: each group plays a role from its own laptop, orders stay hidden until the turn resolves, and every device sees the same resolution.',
    ),
    form,
  ];
}
