// Games a teacher brings to the class view or the print page: pasted text or file contents are
// split into entries (share links and record JSON), each parsed and replayed through the core.
// Nothing here trusts its input, and nothing throws: every fault becomes a message for its row.
// Each game opens with the scenario version it was played with, when the page has it: the current
// one, or an earlier one (scenarios/archive/) given as `earlier`.
import {
  decodeRecord,
  formatFaults,
  LINK_KEY,
  linkScenario,
  parseRecord,
  replay,
  type CompiledScenario,
  type GameRecord,
  type GameState,
  type Result,
} from '../sim';
import { scenarioFor } from '../browser/scenario-versions';

/** One piece of pasted text or file: a share link (or its bare code), or JSON. */
export interface Chunk {
  kind: 'link' | 'json';
  text: string;
  /** A name written before a link on its line, as in `Team Red: https://…#game=…`. */
  label?: string;
}

/** Text that long is not a game record; stop before the page spends seconds parsing it. */
export const MAX_TEXT = 5_000_000;

/** Splits text into chunks: a `{…}` or `[…]` block (it may span lines) is JSON, any other line a link. */
export function splitEntries(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const source = text.replace(/^\uFEFF/, '');
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '{' || c === '[') {
      const end = blockEnd(source, i);
      chunks.push({ kind: 'json', text: source.slice(i, end) });
      i = end;
    } else {
      const newline = source.indexOf('\n', i);
      const end = newline < 0 ? source.length : newline;
      chunks.push(linkChunk(source.slice(i, end).trim()));
      i = end;
    }
  }
  return chunks;
}

/** The index just past the bracket that closes the one at `start` (strings skipped); the end of the text if it never closes. */
function blockEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

function linkChunk(line: string): Chunk {
  const words = line.split(/\s+/);
  const at = words.findIndex((w) => w.includes(`${LINK_KEY}=`));
  if (at <= 0) return { kind: 'link', text: at < 0 ? line : words[0]! };
  const label = words
    .slice(0, at)
    .join(' ')
    .replace(/[\s:–—-]+$/, '');
  return { kind: 'link', text: words[at]!, ...(label ? { label } : {}) };
}

/** A chunk opened into records (each with the version to replay it with): a JSON array gives several, anything else one. */
export type Opened =
  { ok: true; record: GameRecord; sc: CompiledScenario } | { ok: false; message: string };

export function openChunk(
  sc: CompiledScenario,
  chunk: Chunk,
  earlier: readonly CompiledScenario[] = [],
): Opened[] {
  if (chunk.kind === 'link') {
    const version = scenarioFor(sc, earlier, linkScenario(chunk.text)?.hash);
    return [opened(version, decodeRecord(version, chunk.text))];
  }
  let data: unknown;
  try {
    data = JSON.parse(chunk.text);
  } catch (e) {
    return [
      {
        ok: false,
        message: `This is not complete JSON (${(e as Error).message}): the file or the pasted text may be cut short.`,
      },
    ];
  }
  if (Array.isArray(data)) {
    if (data.length === 0) return [{ ok: false, message: 'An empty list: no game in it.' }];
    return data.map((item) => openedRecord(sc, earlier, parseRecord(item)));
  }
  return [openedRecord(sc, earlier, parseRecord(data))];
}

function openedRecord(
  sc: CompiledScenario,
  earlier: readonly CompiledScenario[],
  result: Result<GameRecord>,
): Opened {
  return opened(result.ok ? scenarioFor(sc, earlier, result.value.scenario.hash) : sc, result);
}

function opened(sc: CompiledScenario, result: Result<GameRecord>): Opened {
  return result.ok
    ? { ok: true, record: result.value, sc }
    : { ok: false, message: oneLine(formatFaults(result.errors)) };
}

const oneLine = (text: string) => text.split('\n').join('; ');

/**
 * A replayed game: `matches` when the replay reaches the final hash the record carries, `noHash`
 * when the record carries none (nothing to check it against: flagged, not passed), `failed` when it
 * cannot be replayed or ends elsewhere; a failed game shows no results, since they would not be
 * the game that was played. A matching hash shows a record is consistent, not that it was played
 * as recorded: a hash has no secret, so anyone can recompute it after editing the orders.
 */
export type Verification =
  | { status: 'matches' | 'noHash'; state: GameState; hash: string }
  | { status: 'failed'; message: string };

export function verify(sc: CompiledScenario, record: GameRecord): Verification {
  const result = replay(sc, record, { plain: true });
  // Replay messages say where they stop in words; their paths (`finalHash`, `orders[12]`) add nothing.
  if (!result.ok)
    return { status: 'failed', message: result.errors.map((e) => e.message).join(' ') };
  return {
    status: record.finalHash === undefined ? 'noHash' : 'matches',
    state: result.value.state,
    hash: result.value.hash,
  };
}

/** One game found in a text, good or bad, before it is named. */
export interface Opening {
  chunk: Chunk;
  record: GameRecord | null;
  outcome: Verification;
  /** The version it was replayed with, for its names and scores; the current one if none fits. */
  sc: CompiledScenario;
}

/** Opens and replays every game in a text (a file's contents or what was pasted). */
export function openText(
  sc: CompiledScenario,
  text: string,
  earlier: readonly CompiledScenario[] = [],
): Opening[] {
  const failed = (chunk: Chunk, message: string): Opening => ({
    chunk,
    record: null,
    outcome: { status: 'failed', message },
    sc,
  });
  const whole: Chunk = { kind: 'json', text: '' };
  if (text.length > MAX_TEXT) {
    return [failed(whole, `Too large to be a game record (${text.length} characters).`)];
  }
  const chunks = splitEntries(text);
  if (chunks.length === 0) return [failed(whole, 'Empty: there is no game in it.')];
  return chunks.flatMap((chunk) =>
    openChunk(sc, chunk, earlier).map((item) =>
      item.ok
        ? { chunk, record: item.record, outcome: verify(item.sc, item.record), sc: item.sc }
        : failed(chunk, item.message),
    ),
  );
}

/** Whether a game was made with a scenario hash that none of the versions it was opened with replays. */
export function wantsAnotherVersion(opening: Opening): boolean {
  const hash =
    opening.record?.scenario.hash ??
    (opening.chunk.kind === 'link' ? linkScenario(opening.chunk.text)?.hash : undefined);
  return hash !== undefined && !opening.sc.hashes.includes(hash);
}

/**
 * Names for the games of one file (`brink.json`, or `brink.json (2)` when it holds several) or of
 * one paste (a label written before a link, else `Link 3` or `Pasted record 4`, counted on from
 * `pastedBefore`).
 */
export function nameOpenings(
  openings: readonly Opening[],
  source: { file: string } | { pastedBefore: number },
): string[] {
  return openings.map((o, i) => {
    if ('file' in source) {
      return openings.length === 1 ? source.file : `${source.file} (${i + 1})`;
    }
    if (o.chunk.label) return o.chunk.label;
    const n = source.pastedBefore + i + 1;
    return o.chunk.kind === 'link' ? `Link ${n}` : `Pasted record ${n}`;
  });
}
