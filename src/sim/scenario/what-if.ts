// What-if switches: assumptions of the model a teacher can change before a game (for Ukraine: how
// resolved the Kremlin is, how hard sanctions bite, how much agreement a deal needs). A scenario
// lists them in `whatIfs`; each option sets some of the scenario's numbers by path. A game played
// under a choice runs on a variant of the compiled scenario: the same content hash (its records
// name the scenario they were played in), with the choice in the state, the record and the link,
// so a replay builds the same variant.
import type { Fault, Result } from '../result';
import { compileScenario, type CompiledScenario } from './compile';
import { resolvePath } from './data-path';
import type { Scenario, WhatIf, WhatIfChoice } from './types';
import { validateScenario } from './validate';

export type { WhatIfChoice };

/** The choice of nothing: every switch at its first option. */
export const AS_MODELLED: WhatIfChoice = Object.freeze({});

export const isAsModelled = (choice: WhatIfChoice | undefined): boolean =>
  !choice || Object.keys(choice).length === 0;

/** The option a choice takes for a switch (its first when the choice leaves it). */
export function chosenOption(whatIf: WhatIf, choice: WhatIfChoice | undefined) {
  return whatIf.options.find((o) => o.id === choice?.[whatIf.id]) ?? whatIf.options[0]!;
}

/**
 * A choice checked against the scenario and written the one way: switches in the scenario's order,
 * those at their first option left out. Faults name the field (`whatIf.<switch>`).
 */
export function normaliseChoice(
  scenario: Scenario,
  choice: WhatIfChoice | undefined,
  field = 'whatIf',
): Result<WhatIfChoice> {
  if (isAsModelled(choice)) return { ok: true, value: AS_MODELLED };
  const switches = scenario.whatIfs ?? [];
  const errors: Fault[] = [];
  for (const [id, option] of Object.entries(choice!)) {
    const whatIf = switches.find((w) => w.id === id);
    if (!whatIf) {
      errors.push({
        path: `${field}.${id}`,
        message: switches.length
          ? `"${id}" is not a what-if switch of ${scenario.id}; its switches are ${switches.map((w) => w.id).join(', ')}`
          : `"${id}" is not a what-if switch: ${scenario.id} version ${scenario.version} has none`,
      });
    } else if (!whatIf.options.some((o) => o.id === option)) {
      errors.push({
        path: `${field}.${id}`,
        message: `"${option}" is not an option of "${whatIf.name}"; its options are ${whatIf.options.map((o) => o.id).join(', ')}`,
      });
    }
  }
  if (errors.length) return { ok: false, errors };
  const out: Record<string, string> = {};
  for (const whatIf of switches) {
    const option = choice![whatIf.id];
    if (option !== undefined && option !== whatIf.options[0]!.id) out[whatIf.id] = option;
  }
  return { ok: true, value: Object.keys(out).length ? out : AS_MODELLED };
}

/** The scenario's data with the choice's numbers set (a copy; the scenario is not changed). */
export function applyChoice(scenario: Scenario, choice: WhatIfChoice): Result<Scenario> {
  const data = JSON.parse(JSON.stringify(scenario)) as Scenario;
  for (const whatIf of scenario.whatIfs ?? []) {
    const option = chosenOption(whatIf, choice);
    for (const [path, value] of Object.entries(option.set)) {
      const at = resolvePath(data, path);
      if (!at || typeof at.value !== 'number') {
        return {
          ok: false,
          errors: [
            {
              path: `whatIfs.${whatIf.id}.${option.id}`,
              message: `sets "${path}", which is not a number of the scenario`,
            },
          ],
        };
      }
      (at.parent as Record<string | number, unknown>)[at.key] = value;
    }
  }
  return { ok: true, value: data };
}

const variants = new WeakMap<CompiledScenario, Map<string, Result<CompiledScenario>>>();

/**
 * The scenario a game under `choice` is played with: `sc` itself for the model as built, otherwise
 * a variant compiled from the changed numbers and validated again (a switch that would set a
 * number out of its bounds is refused with the validator's message).
 * Built once per scenario and choice.
 */
export function whatIfVariant(
  sc: CompiledScenario,
  choice: WhatIfChoice | undefined,
): Result<CompiledScenario> {
  const base = sc.asBuilt ?? sc;
  const normal = normaliseChoice(base.scenario, choice);
  if (!normal.ok) return normal;
  if (isAsModelled(normal.value)) return { ok: true, value: base };
  const key = JSON.stringify(normal.value);
  let cache = variants.get(base);
  if (!cache) variants.set(base, (cache = new Map()));
  let variant = cache.get(key);
  if (!variant) {
    variant = buildVariant(base, normal.value);
    cache.set(key, variant);
  }
  return variant;
}

function buildVariant(sc: CompiledScenario, choice: WhatIfChoice): Result<CompiledScenario> {
  const applied = applyChoice(sc.scenario, choice);
  if (!applied.ok) return applied;
  const { whatIfs: _switches, ...rest } = applied.value;
  const checked = validateScenario(rest);
  if (!checked.ok) {
    const named = Object.entries(choice)
      .map(([id, option]) => `${id}=${option}`)
      .join(', ');
    return {
      ok: false,
      errors: checked.errors.map((f) => ({
        path: `whatIf (${named}): ${f.path}`,
        message: f.message,
      })),
    };
  }
  const compiled = compileScenario({ ...checked.value, whatIfs: sc.scenario.whatIfs }, sc.hash);
  return { ok: true, value: { ...compiled, hashes: sc.hashes, whatIf: choice, asBuilt: sc } };
}

/** "Russia's resolve: Set on war (60–95)" for each switch a choice changes. */
export function describeChoice(scenario: Scenario, choice: WhatIfChoice | undefined): string[] {
  return (scenario.whatIfs ?? [])
    .filter((w) => choice?.[w.id] !== undefined && choice[w.id] !== w.options[0]!.id)
    .map((w) => `${w.name}: ${chosenOption(w, choice).label}`);
}

/** How a setting with no switch changed is worded. */
export const AS_MODELLED_WORDS = 'as modelled';

/**
 * The whole setting in words, for a table cell or a report line: "as modelled", or each changed
 * switch as describeChoice words it, joined by "; ". A switch or option the scenario does not
 * know (a record or class code from elsewhere) is shown as written, "switch=option".
 */
export function describeSetting(scenario: Scenario, choice: WhatIfChoice | undefined): string {
  const switches = scenario.whatIfs ?? [];
  const known: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [id, option] of Object.entries(choice ?? {})) {
    const whatIf = switches.find((w) => w.id === id);
    if (whatIf?.options.some((o) => o.id === option)) known[id] = option;
    else unknown.push(`${id}=${option}`);
  }
  const words = [...describeChoice(scenario, known), ...unknown];
  return words.length ? words.join('; ') : AS_MODELLED_WORDS;
}
