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

/**
 * 64-bit FNV-1a over UTF-16 code units, in two 32-bit lanes with Math.imul, fed as a value is
 * walked (the canonical text of `value`, without building it: a finished game's state is over
 * 100,000 characters). The same walk as writeJson, written out for the hash: a string is fed as it
 * is checked for characters JSON escapes, and only one that has some goes through JSON.stringify.
 */
class Fnv {
  h1 = 0x811c9dc5;
  h2 = 0x01000193 ^ 0x5bd1e995;

  code(c: number): void {
    const h1 = Math.imul(this.h1 ^ c, 0x01000193);
    this.h1 = h1;
    this.h2 = Math.imul(this.h2 ^ c, 0x5bd1e995) ^ (h1 >>> 13);
  }

  text(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h1 >>> 13);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** A string as JSON: quoted as it is when nothing in it needs escaping (checked as it is fed). */
  quoted(text: string): void {
    let h1 = Math.imul(this.h1 ^ 0x22, 0x01000193);
    let h2 = Math.imul(this.h2 ^ 0x22, 0x5bd1e995) ^ (h1 >>> 13);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
        this.text(JSON.stringify(text));
        return;
      }
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h1 >>> 13);
    }
    h1 = Math.imul(h1 ^ 0x22, 0x01000193);
    h2 = Math.imul(h2 ^ 0x22, 0x5bd1e995) ^ (h1 >>> 13);
    this.h1 = h1;
    this.h2 = h2;
  }

  value(value: unknown): void {
    switch (typeof value) {
      case 'number':
        this.text(Number.isFinite(value) ? String(value) : 'null');
        return;
      case 'string':
        this.quoted(value);
        return;
      case 'boolean':
        this.text(value ? 'true' : 'false');
        return;
    }
    if (value === null || typeof value !== 'object') {
      this.text(JSON.stringify(value) ?? 'null');
      return;
    }
    if (Array.isArray(value)) {
      this.code(0x5b);
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.code(0x2c);
        if (!(i in value)) continue;
        const item: unknown = value[i];
        if (item === undefined) this.text('null');
        else this.value(item);
      }
      this.code(0x5d);
      return;
    }
    const obj = value as Record<string, unknown>;
    this.code(0x7b);
    let first = true;
    for (const key of sortedKeys(obj)) {
      const item = obj[key];
      if (item === undefined) continue;
      if (!first) this.code(0x2c);
      first = false;
      this.quoted(key);
      this.code(0x3a);
      this.value(item);
    }
    this.code(0x7d);
  }

  finish(): string {
    const h1 = Math.imul(this.h1 ^ (this.h2 >>> 15), 0x2c1b3c6d);
    const h2 = Math.imul(this.h2 ^ (h1 >>> 12), 0x297a2d39);
    return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
  }
}

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits. */
export function hashString(text: string): string {
  const fnv = new Fnv();
  fnv.text(text);
  return fnv.finish();
}

/** `hashString(canonicalJson(value))`, without building the text. */
export function hashJson(value: unknown): string {
  const fnv = new Fnv();
  fnv.value(value);
  return fnv.finish();
}
