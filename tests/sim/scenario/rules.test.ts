// The rules block: the current scenario gives every rule; a scenario written before some rules
// were data may leave those out and plays by the values the engine had built in, so archived
// versions replay exactly; a rule out of its range is refused with its path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/sim/scenario/load';
import {
  FIRST_FORMAT_RULES,
  RULE_IDS,
  RULE_SPECS,
  ruleValues,
  type RuleId,
} from '../../../src/sim/scenario/rules';
import type { Scenario } from '../../../src/sim/scenario/types';
import { validateScenario } from '../../../src/sim/scenario/validate';
import { scenarioData } from '../../support/scenario';

const ARCHIVED_1_1_0 = new URL(
  '../../../scenarios/archive/ukraine-2021-1.1.0.json',
  import.meta.url,
);
const current = (): Scenario => scenarioData();
const optionalRules = RULE_IDS.filter((id) => 'optional' in RULE_SPECS[id]);

describe('the rules block', () => {
  it('the shipped current scenario gives every rule, with a rationale', () => {
    const rules = current().rules!;
    expect(Object.keys(rules).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) expect(rules[id]!.rationale.length, id).toBeGreaterThan(20);
  });

  it('a rule left out plays by its first-format value (the code constant it replaced)', () => {
    const rules = { ...current().rules! };
    for (const id of optionalRules) delete rules[id];
    const values = ruleValues(rules);
    for (const id of optionalRules) expect(values[id], id).toEqual(FIRST_FORMAT_RULES[id]);
    expect(ruleValues(undefined)).toEqual(FIRST_FORMAT_RULES);
  });

  it('the archived 1.1.0 scenario, whose block has only the first rules, still validates', () => {
    const archived = JSON.parse(readFileSync(ARCHIVED_1_1_0, 'utf8')) as Scenario;
    expect(optionalRules.some((id) => id in archived.rules!)).toBe(false);
    const result = loadScenario(JSON.stringify(archived));
    expect(result.ok).toBe(true);
    if (result.ok)
      for (const id of optionalRules)
        expect(result.value.rules[id]).toEqual(FIRST_FORMAT_RULES[id]);
  });

  it.each<[string, RuleId, unknown]>([
    ['an optional rule out of its range', 'escalationRiskPer', 0],
    ['an optional rule that is not a whole number', 'quickWinMax', 95.5],
  ])('refuses %s, naming the field', (_name, id, value) => {
    const scenario = current();
    scenario.rules![id] = { value: value as number, rationale: 'A test.' };
    const result = validateScenario(scenario);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain(`rules.${id}.value`);
  });

  it('still requires the rules the block first shipped with', () => {
    const scenario = current();
    delete scenario.rules!.audienceCost;
    const result = validateScenario(scenario);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('rules.audienceCost');
  });
});
