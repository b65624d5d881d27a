// A stable hash of plain JSON: keys sorted, undefined skipped, the same on every engine.

/** Characters JSON.stringify writes otherwise than as themselves (surrogates: lone ones). */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** The canonical text of a value: keys sorted, undefined skipped, JSON.stringify's text otherwise. */
export function canonicalJson(value: unknown): string {
  let out = '';
  writeJson(
    {
      text: (text) => (out += text),
      code: (code) => (out += String.fromCharCode(code)),
    },
    value,
  );
  return out;
}

/** Where the canonical text goes: a string being built, or the hash being fed. */
interface Sink {
  text(text: string): void;
  /** One code unit: the brackets, commas, colons and quotes of the JSON. */
  code(code: number): void;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * The canonical text, piece by piece: the same text JSON.stringify gives, with keys sorted,
 * written without it where nothing needs escaping (this runs over a whole game's state for every
 * final hash).
 */
function writeJson(sink: Sink, value: unknown): void {
  switch (typeof value) {
    case 'number':
      sink.text(Number.isFinite(value) ? String(value) : 'null');
      return;
    case 'string':
      if (NEEDS_ESCAPE.test(value)) {
        sink.text(JSON.stringify(value));
      } else {
        sink.code(QUOTE);
        sink.text(value);
        sink.code(QUOTE);
      }
      return;
    case 'boolean':
      sink.text(value ? 'true' : 'false');
      return;
  }
  if (value === null || typeof value !== 'object') {
    sink.text(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    sink.code(0x5b); // [
    for (let i = 0; i < value.length; i++) {
      if (i > 0) sink.code(COMMA);
      // A hole stays empty, an undefined item is null, as `map` and `join` had them.
      if (!(i in value)) continue;
      const item: unknown = value[i];
      if (item === undefined) sink.text('null');
      else writeJson(sink, item);
    }
    sink.code(0x5d); // ]
    return;
  }
  const obj = value as Record<string, unknown>;
  sink.code(0x7b); // {
  let first = true;
  for (const key of sortedKeys(obj)) {
    const item = obj[key];
    if (item === undefined) continue;
    if (!first) sink.code(COMMA);
    first = false;
    sink.text(quotedKey(key));
    sink.code(COLON);
    writeJson(sink, item);
  }
  sink.code(0x7d); // }
}

/**
 * An object's keys in code-unit order, as `sort()` gives them: by insertion for the few keys most
 * objects have, where the general sort's comparator calls cost more than the sorting.
 */
function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** Keys recur in every report and ledger entry: each is quoted once. */
const QUOTED = new Map<string, string>();
function quotedKey(key: string): string {
  let quoted = QUOTED.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    // Bounded: keys that are data (variable ids, turn numbers) are few; untrusted ones need not stay.
    if (QUOTED.size < 10_000) QUOTED.set(key, quoted);
  }
  return quoted;
}

/** The two 32-bit lanes of the hash below, fed piece by piece. */
interface Lanes {
  h1: number;
  h2: number;
}

const startLanes = (): Lanes => ({ h1: 0x811c9dc5, h2: 0x01000193 ^ 0x5bd1e995 });

function feed(lanes: Lanes, text: string): void {
  let { h1, h2 } = lanes;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h1 >>> 13);
  }
  lanes.h1 = h1;
  lanes.h2 = h2;
}

/** `feed` for one code unit (the brackets, commas and colons of the JSON). */
function feedCode(lanes: Lanes, c: number): void {
  lanes.h1 = Math.imul(lanes.h1 ^ c, 0x01000193);
  lanes.h2 = Math.imul(lanes.h2 ^ c, 0x5bd1e995) ^ (lanes.h1 >>> 13);
}

function finish(lanes: Lanes): string {
  const h1 = Math.imul(lanes.h1 ^ (lanes.h2 >>> 15), 0x2c1b3c6d);
  const h2 = Math.imul(lanes.h2 ^ (h1 >>> 12), 0x297a2d39);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits (two 32-bit lanes with Math.imul). */
export function hashString(text: string): string {
  const lanes = startLanes();
  feed(lanes, text);
  return finish(lanes);
}

/**
 * `hashString(canonicalJson(value))`, without building the text: each piece is fed to the hash as
 * it comes (a finished game's state is about 115,000 characters, and joining and then reading them
 * back cost more than writing them).
 */
export function hashJson(value: unknown): string {
  const lanes = startLanes();
  writeJson({ text: (text) => feed(lanes, text), code: (code) => feedCode(lanes, code) }, value);
  return finish(lanes);
}
