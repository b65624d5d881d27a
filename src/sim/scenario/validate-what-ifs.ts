// Checks a scenario's `whatIfs`: every switch has distinct ids, a first option that is the model
// as built (it sets nothing) and other options that each set at least one number; every path an
// option sets leads to a number of the scenario (outside the switches themselves), a whole number
// stays whole. Whether a variant as a whole is valid (the numbers within their bounds, the
// endings still reachable) is checked when it is built (what-if.ts) and, for every option of a
// shipped scenario, by `brink validate` and the tests. (Its shape is in schema.ts.)
import { resolvePath } from './data-path';
import type { Scenario } from './types';

/** What the meaning pass needs from the validator. */
export interface WhatIfContext {
  readonly scenario: Scenario;
  readonly faults: { error(path: string, message: string): void };
}

export function checkWhatIfs(
  ctx: WhatIfContext,
  h: { at(path: string, key: string | number): string; quote(text: string): string },
): void {
  const switches = ctx.scenario.whatIfs ?? [];
  const seen = new Set<string>();
  switches.forEach((whatIf, i) => {
    const path = h.at('whatIfs', i);
    if (seen.has(whatIf.id))
      ctx.faults.error(h.at(path, 'id'), `${h.quote(whatIf.id)} names two switches`);
    seen.add(whatIf.id);
    const options = new Set<string>();
    whatIf.options.forEach((option, j) => {
      const optionPath = h.at(h.at(path, 'options'), j);
      if (options.has(option.id))
        ctx.faults.error(h.at(optionPath, 'id'), `${h.quote(option.id)} names two options`);
      options.add(option.id);
      const paths = Object.keys(option.set);
      if (j === 0 && paths.length > 0)
        ctx.faults.error(
          h.at(optionPath, 'set'),
          'the first option is the model as built and must set nothing',
        );
      if (j > 0 && paths.length === 0)
        ctx.faults.error(h.at(optionPath, 'set'), 'must set at least one number of the scenario');
      for (const target of paths) {
        const where = h.at(h.at(optionPath, 'set'), target);
        const found = target.startsWith('whatIfs/') ? null : resolvePath(ctx.scenario, target);
        if (!found || typeof found.value !== 'number') {
          ctx.faults.error(
            where,
            `${h.quote(target)} does not lead to a number of the scenario (write keys separated by "/", a list's item by its id or index, as in "rules/threatPerTier/value")`,
          );
        } else if (Number.isInteger(found.value) && !Number.isInteger(option.set[target])) {
          ctx.faults.error(where, `must be a whole number, as ${h.quote(target)} is`);
        }
      }
    });
  });
}
