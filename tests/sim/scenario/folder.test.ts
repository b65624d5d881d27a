// Scenario folders: every shipped scenario is a folder split by concern, joined by the loader into
// the scenario its records were made with; a folder with a file missing, a file of the wrong
// shape, or a reference across files that does not resolve is refused with the file and the JSON
// path named, for every shipped scenario; nothing a folder holds makes loading throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readScenarioFolder } from '../../../src/cli/scenarios';
import type { Fault } from '../../../src/sim';
import { scenarioHash } from '../../../src/sim/scenario/content-hash';
import {
  compactEffect,
  expandEffect,
  FOLDER_FILES,
  loadScenarioFolder,
  type ScenarioFiles,
} from '../../../src/sim/scenario/folder';
import { loadScenario } from '../../../src/sim/scenario/load';
import { SHIPPED_IDS, shippedPath } from '../support/shipped';

type Files = Record<string, unknown>;

/** A fresh copy of a shipped scenario's folder, safe to break. */
function folder(id: string): Files {
  const read = readScenarioFolder(shippedPath(id));
  if (!read.ok) throw new Error(`${id}: ${read.errors.map((f) => f.message).join('; ')}`);
  return structuredClone(read.value) as Files;
}

function faultsOf(files: ScenarioFiles): Fault[] {
  const loaded = loadScenarioFolder(files);
  return loaded.ok ? [] : loaded.errors;
}

/** The parts of a fault a designer reads: the file, the path inside it, the message. */
const told = (f: Fault) => ({ file: f.file, path: f.path, message: f.message });

/** An action whose first effect changes a variable, with its role's file and index there. */
function firstVariableEffect(files: Files): { file: string; index: number } {
  for (const [file, list] of Object.entries(files)) {
    if (!file.startsWith('actions/')) continue;
    const index = (list as { effects: unknown[] }[]).findIndex(
      (a) => typeof a.effects[0] === 'string' && !String(a.effects[0]).startsWith('intel '),
    );
    if (index >= 0) return { file, index };
  }
  throw new Error('no action with a variable effect');
}

describe('the shipped scenario folders', () => {
  it('are more than one', () => {
    expect(SHIPPED_IDS).toEqual(expect.arrayContaining(['cuba-1962', 'ukraine-2021']));
  });

  for (const id of SHIPPED_IDS) {
    it(`${id}: joins into a valid scenario whose actions keep their roles' order`, () => {
      const files = folder(id);
      const loaded = loadScenarioFolder(files);
      expect(loaded.ok ? [] : loaded.errors.map(told)).toEqual([]);
      if (!loaded.ok) return;
      const { scenario } = loaded.value;
      const roles = scenario.roles.map((r) => r.id);
      const order = scenario.actions.map((a) => roles.indexOf(a.role));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      // The joined scenario is an ordinary one: as one JSON text it loads to the same hash.
      const again = loadScenario(JSON.stringify(scenario));
      expect(again.ok && again.value.hash).toBe(loaded.value.hash);
      expect(scenarioHash(scenario)).toBe(loaded.value.hash);
    });

    it(`${id}: writes its effects compactly, each reading back as the effect it stands for`, () => {
      const loaded = loadScenarioFolder(folder(id));
      if (!loaded.ok) throw new Error('does not load');
      const effects = loaded.value.scenario.actions.flatMap((a) => [
        ...a.effects,
        ...(a.roll ? [...a.roll.success, ...a.roll.failure] : []),
      ]);
      expect(effects.length).toBeGreaterThan(50);
      for (const effect of effects) {
        const text = compactEffect(effect);
        expect(text, JSON.stringify(effect)).not.toBeNull();
        expect(expandEffect(text!)).toEqual(effect);
      }
    });
  }
});

describe('a broken scenario folder', () => {
  for (const id of SHIPPED_IDS) {
    describe(id, () => {
      for (const part of FOLDER_FILES.filter((p) => !p.optional)) {
        it(`without ${part.file} is refused naming the file`, () => {
          const files = folder(id);
          delete files[part.file];
          expect(faultsOf(files).map(told)).toContainEqual({
            file: part.file,
            path: '',
            message: 'is missing from the scenario folder',
          });
        });
      }

      it('without any actions is refused naming the actions folder', () => {
        const files = folder(id);
        for (const file of Object.keys(files)) if (file.startsWith('actions/')) delete files[file];
        expect(faultsOf(files).map((f) => f.file)).toContain('actions/');
      });

      it('with a file of the wrong shape is refused naming the file and the path in it', () => {
        const listNotObject = folder(id);
        listNotObject['roles.json'] = { roles: [] };
        expect(faultsOf(listNotObject).map(told)).toContainEqual({
          file: 'roles.json',
          path: '',
          message: 'must be a list, not an object',
        });
        const objectNotList = folder(id);
        objectNotList['scenario.json'] = [];
        expect(faultsOf(objectNotList).map(told)).toContainEqual({
          file: 'scenario.json',
          path: '',
          message: 'must be a JSON object, not a list',
        });
        const wrongValue = folder(id);
        const [actionsFile] = Object.keys(wrongValue).filter((f) => f.startsWith('actions/'));
        (wrongValue[actionsFile!] as { cost: unknown }[])[1]!.cost = 'cheap';
        expect(faultsOf(wrongValue).map(told)).toContainEqual({
          file: actionsFile,
          path: '[1].cost',
          message: 'must be a whole number, not the text "cheap"',
        });
      });

      it('with a reference across files that does not resolve names the file and the path', () => {
        // An action's effect names a variable that variables.json does not have.
        const files = folder(id);
        const { file, index } = firstVariableEffect(files);
        const action = (files[file] as { effects: string[] }[])[index]!;
        action.effects[0] = action.effects[0]!.replace(/^\S+/, 'noSuchVariable');
        const faults = faultsOf(files).map(told);
        expect(faults).toContainEqual({
          file,
          path: `[${index}].effects[0].var`,
          message: expect.stringContaining('unknown variable "noSuchVariable"'),
        });
        // The mechanics in scenario.json name a variable that is not there.
        const mechanics = folder(id);
        const frame = mechanics['scenario.json'] as { mechanics: { tension: string } };
        frame.mechanics.tension = 'tensoin';
        expect(faultsOf(mechanics).map(told)).toContainEqual({
          file: 'scenario.json',
          path: 'mechanics.tension',
          message: expect.stringContaining('"tensoin"'),
        });
        // An ending in endings.json is caused by an action no actions file has.
        const endings = folder(id);
        (endings['endings.json'] as { causes: string[] }[])[0]!.causes.push('nobody.nothing');
        const causes = (endings['endings.json'] as { causes: string[] }[])[0]!.causes;
        expect(faultsOf(endings).map(told)).toContainEqual({
          file: 'endings.json',
          path: `[0].causes[${causes.length - 1}]`,
          message: expect.stringContaining('"nobody.nothing"'),
        });
      });

      it('with an actions file that names no role, or an unknown file, says so', () => {
        const files = folder(id);
        const [actionsFile] = Object.keys(files).filter((f) => f.startsWith('actions/'));
        files['actions/nobody.json'] = files[actionsFile!];
        files['endngs.json'] = [];
        const faults = faultsOf(files).map(told);
        expect(faults).toContainEqual({
          file: 'actions/nobody.json',
          path: '',
          message: expect.stringContaining('names no role of roles.json'),
        });
        expect(faults).toContainEqual({
          file: 'endngs.json',
          path: '',
          message: expect.stringContaining('(did you mean "endings.json"?)'),
        });
      });

      it('with a part in the wrong file, or a compact effect that is none, says where', () => {
        const files = folder(id);
        const frame = files['scenario.json'] as Record<string, unknown>;
        frame.rules = {};
        const { file, index } = firstVariableEffect(files);
        (files[file] as { effects: string[] }[])[index]!.effects[0] = 'tension plus five';
        const faults = faultsOf(files).map(told);
        expect(faults).toContainEqual({
          file: 'scenario.json',
          path: 'rules',
          message: 'belongs in rules.json, not here',
        });
        expect(faults).toContainEqual({
          file,
          path: `[${index}].effects[0]`,
          message: expect.stringContaining('"tension plus five" is not an effect'),
        });
      });

      it('leaves the files it was given as they were', () => {
        const files = folder(id);
        const before = JSON.stringify(files);
        loadScenarioFolder(files);
        expect(JSON.stringify(files)).toBe(before);
      });
    });
  }

  it('never makes loading throw, whatever its files hold', () => {
    const base = folder('cuba-1962');
    const names = [...Object.keys(base), 'extra.json', 'actions/x.json', 'actions/a/b.json'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            file: fc.constantFrom(...names),
            value: fc.oneof(
              fc.anything(),
              fc.constant(undefined),
              fc.string(),
              fc.array(fc.string()),
            ),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        (changes) => {
          const files: Files = { ...base };
          for (const { file, value } of changes) {
            if (value === undefined) delete files[file];
            else files[file] = value;
          }
          const loaded = loadScenarioFolder(files);
          expect(typeof loaded.ok).toBe('boolean');
          if (!loaded.ok) {
            expect(loaded.errors.length).toBeGreaterThan(0);
            for (const f of loaded.errors) expect(typeof f.message).toBe('string');
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the meaning checks on a scenario folder', () => {
  for (const id of SHIPPED_IDS) {
    describe(id, () => {
      it('name both files of an id used twice across them', () => {
        const files = folder(id);
        const [first, second] = Object.keys(files).filter((f) => f.startsWith('actions/'));
        const copied = structuredClone((files[first!] as unknown[])[0]);
        (files[second!] as unknown[]).push(copied);
        const index = (files[second!] as unknown[]).length - 1;
        const fault = faultsOf(files).find((f) => f.message.startsWith('duplicate action id'))!;
        // Whichever file comes first in the roles' order holds the first use; the other, the second.
        const places = [
          `${fault.file} ${fault.path.replace(/\.id$/, '')}`,
          /already used by (\S+ \S+)\)/.exec(fault.message)?.[1],
        ].sort();
        expect(places).toEqual([`${first} [0]`, `${second} [${index}]`].sort());
      });

      it('name the file and path of a plan that names no action, and of a rule out of range', () => {
        const files = folder(id);
        const history = files['history.json'] as {
          historical: Record<string, Record<string, string[]>>;
        };
        const [role, plan] = Object.entries(history.historical)[0]!;
        const [turn] = Object.keys(plan);
        plan[turn!]!.push('nobody.nothing');
        const rules = files['rules.json'] as Record<string, { value: unknown }>;
        rules.signalCostly!.value = 999;
        const faults = faultsOf(files).map(told);
        expect(faults).toContainEqual({
          file: 'rules.json',
          path: 'signalCostly.value',
          message: 'must be at most 20, not 999',
        });
        // The shape is checked first: mend the rule, and the plan's reference is named.
        rules.signalCostly!.value = 5;
        expect(faultsOf(files).map(told)).toContainEqual({
          file: 'history.json',
          path: `historical.${role}["${turn}"][${plan[turn!]!.length - 1}]`,
          message: expect.stringContaining('"nobody.nothing"'),
        });
      });
    });
  }
});
