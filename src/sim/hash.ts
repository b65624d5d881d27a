// A stable hash of plain JSON: keys sorted, undefined skipped, the same on every engine.

/** Characters JSON.stringify writes otherwise than as themselves (surrogates: lone ones). */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

export function canonicalJson(value: unknown): string {
  // The same text JSON.stringify gives, faster for the common cases.
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'string':
      return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
    case 'boolean':
      return value ? 'true' : 'false';
  }
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  // Built by appending (no intermediate arrays of parts): this runs over a whole game's state
  // for every final hash, and most of its time was in those arrays.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // A hole stays empty, an undefined item is null, as `map` and `join` had them.
      if (!(i in value)) continue;
      const item: unknown = value[i];
      out += item === undefined ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = sortedKeys(obj);
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = obj[key];
    if (item === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${quotedKey(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
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
 * `hashString(canonicalJson(value))`, without building the text: each piece canonicalJson would
 * append is fed to the hash as it comes (a finished game's state is about 115,000 characters, and
 * joining and then reading them back cost more than writing them).
 */
export function hashJson(value: unknown): string {
  const lanes = startLanes();
  feedJson(lanes, value);
  return finish(lanes);
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;

/** canonicalJson, piece for piece, into the hash. */
function feedJson(lanes: Lanes, value: unknown): void {
  switch (typeof value) {
    case 'number':
      feed(lanes, Number.isFinite(value) ? String(value) : 'null');
      return;
    case 'string':
      if (NEEDS_ESCAPE.test(value)) {
        feed(lanes, JSON.stringify(value));
      } else {
        feedCode(lanes, QUOTE);
        feed(lanes, value);
        feedCode(lanes, QUOTE);
      }
      return;
    case 'boolean':
      feed(lanes, value ? 'true' : 'false');
      return;
  }
  if (value === null || typeof value !== 'object') {
    feed(lanes, JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    feedCode(lanes, 0x5b); // [
    for (let i = 0; i < value.length; i++) {
      if (i > 0) feedCode(lanes, COMMA);
      if (!(i in value)) continue;
      const item: unknown = value[i];
      if (item === undefined) feed(lanes, 'null');
      else feedJson(lanes, item);
    }
    feedCode(lanes, 0x5d); // ]
    return;
  }
  const obj = value as Record<string, unknown>;
  feedCode(lanes, 0x7b); // {
  let first = true;
  for (const key of sortedKeys(obj)) {
    const item = obj[key];
    if (item === undefined) continue;
    if (!first) feedCode(lanes, COMMA);
    first = false;
    feed(lanes, quotedKey(key));
    feedCode(lanes, COLON);
    feedJson(lanes, item);
  }
  feedCode(lanes, 0x7d); // }
}
