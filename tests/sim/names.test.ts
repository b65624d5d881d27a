// The core knows no scenario: no id of a shipped scenario's roles, sides, variables, actions,
// events or endings appears in src/sim's code — as a name in the code, or as a whole string
// (comments aside, and words inside a sentence such as "allies close ranks" are prose, not ids).
// What a scenario needs from the engine's general rules it names in its own `mechanics` block.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_IDS, shippedText } from './support/shipped';

const ROOT = join(import.meta.dirname, '../..');
const SIM = join(ROOT, 'src/sim');

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

/** The code without its comments, and the contents of its string and template literals. */
export function splitSource(text: string): { code: string; strings: string[] } {
  let code = '';
  const strings: string[] = [];
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
      strings.push(text.slice(i + 1, j));
      code += `${c}${c}`;
      i = j + 1;
    } else {
      code += c;
      i++;
    }
  }
  return { code, strings };
}

/** Every id a shipped scenario gives its roles, sides, variables, actions, events and endings. */
function scenarioIds(): Map<string, string> {
  const ids = new Map<string, string>();
  expect(SHIPPED_IDS.length).toBeGreaterThan(1);
  for (const file of SHIPPED_IDS) {
    const s = JSON.parse(shippedText(file)) as Record<string, { id: string; side?: string }[]>;
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

  it('no id appears as a name in the code or as a whole string (comments aside)', () => {
    const found: string[] = [];
    for (const file of files) {
      const { code, strings } = splitSource(readFileSync(file, 'utf8'));
      const names = code.match(/[A-Za-z_$][\w$]*/g) ?? [];
      // A string is an id when it is one whole (an action id such as "us.leadersCall" included).
      for (const word of [...names, ...strings.map((t) => t.trim())]) {
        if (ids.has(word) && !ENGINE_WORDS.has(word))
          found.push(`${file.slice(ROOT.length + 1)}: "${word}" (${ids.get(word)})`);
      }
    }
    expect([...new Set(found)]).toEqual([]);
  });

  it('reads the engine words only through the mechanics, never as a variable', () => {
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const word of ENGINE_WORDS) {
        expect(code, file).not.toMatch(new RegExp(`vars\\.${word}\\b|vars\\[['"]${word}['"]\\]`));
        expect(code, file).not.toMatch(new RegExp(`applyChange\\(ctx, ['"]${word}['"]`));
      }
    }
  });

  it('strips comments and sets strings apart', () => {
    expect(splitSource("a // b\nc /* d */ e 'f // g' `h /* i */`")).toEqual({
      code: "a \nc  e '' ``",
      strings: ['f // g', 'h /* i */'],
    });
  });
});
