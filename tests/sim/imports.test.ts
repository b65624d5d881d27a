// The core's modules import each other one way: no module reaches, through the values it imports,
// back to itself (type-only imports are erased and do not count). A cycle makes the order modules
// load in matter, and made compiling a scenario load the computer player.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SIM = join(import.meta.dirname, '../../src/sim');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The modules of the core a module imports values from (relative imports, not `import type`). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gm);
  return [...found]
    .filter(([, typeOnly]) => !typeOnly)
    .map(([, , spec]) => {
      const target = resolve(dirname(file), spec!);
      return target.endsWith('.ts') ? target : `${target}.ts`;
    });
}

describe('src/sim imports', () => {
  const graph = new Map(modules(SIM).map((file) => [file, valueImports(file)]));

  it('are found (the check reads real imports)', () => {
    expect(graph.get(join(SIM, 'scenario/compile.ts'))).toContain(join(SIM, 'action-values.ts'));
  });

  it('form no cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        const loop = [...path.slice(path.indexOf(file)), file];
        cycles.push(loop.map((f) => relative(SIM, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
