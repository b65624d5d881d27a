// The core knows no scenario: no id of a shipped scenario's roles, sides, variables, actions,
// events or endings appears in src/sim's code (comments aside). What a scenario needs from the
// engine's general rules it names in its own `mechanics` block.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SIM = join(ROOT, 'src/sim');
const SCENARIOS = join(ROOT, 'scenarios');

/**
 * Words of the engine's own vocabulary that a scenario also uses as an id, each for a reason that
 * has nothing to do with that scenario:
 * - `warStage` is the field of an action that sets the stage of war (a scenario format key);
 * - `tension` names the tension rule in every recorded cause (`{ rule: 'tension' }`), which saved
 *   games carry, so it cannot be renamed.
 * The engine never reads a variable by these names: it reads `mechanics.warStage` and
 * `mechanics.tension`, tested below.
 */
const ENGINE_WORDS = new Set(['warStage', 'tension']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The code without its comments; string and template literals are kept whole. */
export function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      i = text.indexOf('*/', i + 2);
      i = i < 0 ? text.length : i + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Every id a shipped scenario gives its roles, sides, variables, actions, events and endings. */
function scenarioIds(): Map<string, string> {
  const ids = new Map<string, string>();
  const files = readdirSync(SCENARIOS).filter(
    (f) => f.endsWith('.json') && !f.endsWith('.schema.json'),
  );
  for (const file of files) {
    const s = JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')) as Record<
      string,
      { id: string; side?: string }[]
    >;
    for (const kind of ['roles', 'variables', 'actions', 'events', 'endings']) {
      for (const item of s[kind] ?? []) {
        ids.set(item.id, `${file}: ${kind}`);
        if (kind === 'roles' && item.side) ids.set(item.side, `${file}: a side`);
      }
    }
  }
  return ids;
}

describe('no scenario’s names in src/sim', () => {
  const ids = scenarioIds();
  const files = sourceFiles(SIM);

  it('finds the shipped scenarios’ ids and the core’s sources', () => {
    expect(ids.size).toBeGreaterThan(100);
    expect(files.length).toBeGreaterThan(20);
  });

  it('no id appears as a word of the code (comments aside)', () => {
    const found: string[] = [];
    for (const file of files) {
      const code = withoutComments(readFileSync(file, 'utf8'));
      for (const word of code.match(/[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g) ?? []) {
        // A dotted word is checked whole (an action id such as "us.leadersCall") and in parts.
        for (const part of new Set([word, ...word.split('.')])) {
          if (ids.has(part) && !ENGINE_WORDS.has(part))
            found.push(`${file.slice(ROOT.length + 1)}: "${part}" (${ids.get(part)})`);
        }
      }
    }
    expect([...new Set(found)]).toEqual([]);
  });

  it('reads the engine words only through the mechanics, never as a variable', () => {
    for (const file of files) {
      const code = withoutComments(readFileSync(file, 'utf8'));
      for (const word of ENGINE_WORDS) {
        expect(code, file).not.toMatch(new RegExp(`vars\\.${word}\\b|vars\\[['"]${word}['"]\\]`));
        expect(code, file).not.toMatch(new RegExp(`applyChange\\(ctx, ['"]${word}['"]`));
      }
    }
  });

  it('strips comments but keeps strings', () => {
    expect(withoutComments("a // b\nc /* d */ e 'f // g' `h /* i */`")).toBe(
      "a \nc  e 'f // g' `h /* i */`",
    );
  });
});
