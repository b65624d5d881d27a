// The simulation core must give the same result for the same seed on every machine and engine.
// Its tsconfig already rejects DOM and Node types; this test catches what the types allow:
// Math.random, the clock, engine-approximated maths and imports of Phaser or Node modules.
// It reads the syntax tree, so comments and text inside strings never count.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIM_DIR = join(ROOT, 'src', 'sim');

/** Engine-approximated: results may differ in the last bit between engines and versions. */
const APPROXIMATED_MATH = new Set(
  'exp log log2 log10 log1p expm1 pow sin cos tan asin acos atan atan2 sinh cosh tanh asinh acosh atanh cbrt hypot'.split(
    ' ',
  ),
);
const FORBIDDEN_GLOBALS = new Set(['performance', 'window', 'document', 'globalThis', 'process']);
const NODE_BUILTINS = new Set(builtinModules);

interface Violation {
  line: number;
  message: string;
}

function forbiddenModule(specifier: string): string | undefined {
  if (specifier === 'phaser' || specifier.startsWith('phaser/')) return 'imports Phaser';
  if (specifier.startsWith('node:')) return `imports the Node module ${specifier}`;
  const base = specifier.split('/')[0] ?? specifier;
  if (NODE_BUILTINS.has(base)) return `imports the Node module ${specifier}`;
  return undefined;
}

function mathMemberProblem(name: string): string | undefined {
  if (name === 'random') return 'uses Math.random (draw from the seeded generator in the state)';
  if (APPROXIMATED_MATH.has(name)) return `uses Math.${name} (engine-approximated)`;
  return undefined;
}

/** True when an identifier names a property or a declaration rather than reading a variable. */
function isNameNotReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  if (ts.isQualifiedName(parent)) return parent.right === node;
  if (
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isPropertySignature(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isMethodSignature(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent) ||
    ts.isEnumMember(parent)
  ) {
    return parent.name === node;
  }
  if (ts.isBindingElement(parent)) return parent.propertyName === node;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return true;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  return false;
}

/** Names the file declares itself (a parameter called `process` is not Node's `process`). */
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isBindingElement(node) ||
        ts.isImportClause(node) ||
        ts.isImportSpecifier(node) ||
        ts.isNamespaceImport(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    ) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

function moduleSpecifierOf(node: ts.Node): string | undefined {
  if (
    (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
    node.moduleSpecifier &&
    ts.isStringLiteral(node.moduleSpecifier)
  ) {
    return node.moduleSpecifier.text;
  }
  if (
    ts.isImportEqualsDeclaration(node) &&
    ts.isExternalModuleReference(node.moduleReference) &&
    ts.isStringLiteral(node.moduleReference.expression)
  ) {
    return node.moduleReference.expression.text;
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
    const literal = node.argument.literal;
    return ts.isStringLiteral(literal) ? literal.text : undefined;
  }
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const isLoader =
      callee.kind === ts.SyntaxKind.ImportKeyword ||
      (ts.isIdentifier(callee) && callee.text === 'require');
    const [first] = node.arguments;
    if (isLoader && first && ts.isStringLiteralLike(first)) return first.text;
  }
  return undefined;
}

function problemAt(node: ts.Node, localNames: Set<string>): string | undefined {
  const specifier = moduleSpecifierOf(node);
  if (specifier !== undefined) return forbiddenModule(specifier);

  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (
      operator === ts.SyntaxKind.AsteriskAsteriskToken ||
      operator === ts.SyntaxKind.AsteriskAsteriskEqualsToken
    ) {
      return 'uses the ** operator (engine-approximated for fractional powers; multiply instead)';
    }
  }

  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    const object = node.expression.text;
    if (object === 'Math') return mathMemberProblem(node.name.text);
    if (object === 'Date' && !localNames.has('Date'))
      return `uses Date.${node.name.text} (the clock)`;
  }
  if (
    ts.isElementAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'Math' &&
    ts.isStringLiteralLike(node.argumentExpression)
  ) {
    return mathMemberProblem(node.argumentExpression.text);
  }
  // const { random } = Math
  if (
    ts.isVariableDeclaration(node) &&
    ts.isObjectBindingPattern(node.name) &&
    node.initializer &&
    ts.isIdentifier(node.initializer) &&
    node.initializer.text === 'Math'
  ) {
    for (const element of node.name.elements) {
      const key = element.propertyName ?? element.name;
      const problem = ts.isIdentifier(key) ? mathMemberProblem(key.text) : undefined;
      if (problem) return problem;
    }
  }

  if (
    (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'Date' &&
    !localNames.has('Date')
  ) {
    return 'uses Date (the clock)';
  }

  if (
    ts.isIdentifier(node) &&
    FORBIDDEN_GLOBALS.has(node.text) &&
    !localNames.has(node.text) &&
    !isNameNotReference(node)
  ) {
    return `references ${node.text} (not available to the pure core)`;
  }
  return undefined;
}

/** Every impure use in one file's source text, with 1-based line numbers. */
function findImpurities(sourceText: string, fileName = 'sample.ts'): Violation[] {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.ES2022, true);
  const localNames = declaredNames(source);
  const violations: Violation[] = [];
  const visit = (node: ts.Node): void => {
    const message = problemAt(node, localNames);
    if (message) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      violations.push({ line: line + 1, message });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return violations;
}

function typeScriptFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return typeScriptFilesUnder(path);
    return /\.[cm]?tsx?$/.test(entry) ? [path] : [];
  });
}

describe('the simulation core (src/sim) is pure', () => {
  it('uses no randomness, clock, approximated maths, Phaser, Node or browser API', () => {
    const files = typeScriptFilesUnder(SIM_DIR);
    expect(files.length, 'no .ts files found under src/sim').toBeGreaterThan(0);
    const found = files.flatMap((file) =>
      findImpurities(readFileSync(file, 'utf8'), file).map(
        ({ line, message }) => `${relative(ROOT, file)}:${line}: ${message}`,
      ),
    );
    expect(found, `impure code in src/sim:\n${found.join('\n')}`).toEqual([]);
  });
});

describe('the purity checker', () => {
  const caught: [string, string][] = [
    ['const roll = Math.random();', 'Math.random'],
    ["const roll = Math['random']();", 'Math.random'],
    ['const { random } = Math;', 'Math.random'],
    ['const now = Date.now();', 'Date.now'],
    ['const today = new Date();', 'Date'],
    ['const stamp = Date();', 'Date'],
    ['const t = performance.now();', 'performance'],
    ['const p = Math.exp(x);', 'Math.exp'],
    ['const p = Math.log1p(x);', 'Math.log1p'],
    ['const p = Math.atan2(y, x);', 'Math.atan2'],
    ['const p = Math.hypot(y, x);', 'Math.hypot'],
    ['const p = x ** 0.5;', '**'],
    ['x **= 2;', '**'],
    ["import Phaser from 'phaser';", 'Phaser'],
    ["import { readFileSync } from 'node:fs';", 'node:fs'],
    ["import { join } from 'path';", 'path'],
    ["import { randomInt } from 'crypto';", 'crypto'],
    ["import { readFile } from 'fs/promises';", 'fs/promises'],
    ["export { Worker } from 'worker_threads';", 'worker_threads'],
    ["const os = await import('os');", 'os'],
    ["const util = require('util');", 'util'],
    ['const w = window.innerWidth;', 'window'],
    ['document.title = "x";', 'document'],
    ['const g = globalThis;', 'globalThis'],
    ['const env = process.env.SEED;', 'process'],
    ['const settings = { process };', 'process'],
  ];

  it.each(caught)('catches `%s`', (line, word) => {
    const found = findImpurities(`const x = 1;\n${line}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(2);
    expect(found[0]?.message).toContain(word);
  });

  const allowed = [
    '// Math.random() would break replays; new Date() too',
    '/* import fs from "fs"; window.alert(process) */',
    "const label = 'the Minsk peace process, Date.now(), Math.random()';",
    'const text = `window ${count} document`;',
    'const roll = Math.floor(rng.below(100));',
    'const root = Math.sqrt(x) + Math.abs(y) * Math.max(a, b);',
    'const squared = x * x;',
    "import type { GameState } from './state';",
    "import alea from 'seedrandom/lib/alea';",
    'const step = state.process;',
    'const view = { window: 3, document: 1 };',
    'function run(process: Step) { return process.next; }',
    'type Stamp = { at: Date };',
  ];

  it.each(allowed)('allows `%s`', (line) => {
    expect(findImpurities(line)).toEqual([]);
  });

  it('names the line of each problem in a longer file', () => {
    const file = ['// ok', 'const a = 1;', 'const b = Math.random();', '', 'const c = a ** 2;'];
    expect(findImpurities(file.join('\n')).map((v) => v.line)).toEqual([3, 5]);
  });
});
