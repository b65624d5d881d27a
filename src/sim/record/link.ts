// Share links: a game record compressed into the URL fragment, so a game travels without a
// server. Orders are written as compact tuples of indexes into the scenario (the scenario's
// content hash, checked on decoding, pins what the indexes mean), then compressed with lz-string.
import * as lzModule from 'lz-string';
import type { Result } from '../result';
import type { CompiledScenario } from '../scenario/compile';
import type { Order } from '../state';
import { MAX_WHAT_IFS, VERSION_PATTERN } from './limits';
import { parseRecord, shownValue } from './parse';
import { EARLIER_VERSIONS } from './replay';
import type { GameRecord } from './types';

// lz-string is CommonJS: Node's ESM loader puts its functions under `default`, bundlers at the top.
const lz = (lzModule as unknown as { default?: typeof lzModule }).default ?? lzModule;

/** The fragment key of a shared game: `…/index.html#game=<code>`. */
export const LINK_KEY = 'game';
/** The version of the compact link encoding (its own, beside the record format it carries). */
const LINK_VERSION = 1;

type OrderTuple =
  [0, number, number[], string?] | [1] | [2, number] | [3, number, number[], string?];

function index<T>(list: readonly T[], item: T, what: string): number {
  const i = list.indexOf(item);
  if (i < 0) throw new Error(`unknown ${what}`);
  return i;
}

/** The link code of a record (the part after `#game=`). */
export function encodeRecord(sc: CompiledScenario, record: GameRecord): string {
  const s = sc.scenario;
  const actionIds = s.actions.map((a) => a.id);
  const eventIds = s.events.map((e) => e.id);
  const orders: OrderTuple[] = record.orders.map((o) => {
    switch (o.type) {
      case 'orders/submitted': {
        const tuple: OrderTuple = [
          0,
          index(sc.roleOrder, o.role, 'role'),
          o.actions.map((a) => index(actionIds, a, 'action')),
        ];
        if (o.rationale) tuple.push(o.rationale);
        return tuple;
      }
      case 'orders/disputed': {
        const tuple: OrderTuple = [
          3,
          index(sc.roleOrder, o.role, 'role'),
          o.actions.map((a) => index(actionIds, a, 'action')),
        ];
        if (o.note) tuple.push(o.note);
        return tuple;
      }
      case 'turn/ended':
        return [1];
      case 'facilitator/eventInjected':
        return [2, index(eventIds, o.event, 'event')];
    }
  });
  const tuple = [
    LINK_VERSION,
    record.format,
    record.scenario.id,
    record.scenario.version,
    record.scenario.hash,
    record.seed,
    record.humans.map((h) => index(sc.roleOrder, h, 'role')),
    orders,
    record.finalHash ?? '',
    record.parent ? [record.parent.hash, record.parent.turn] : 0,
    // Added after the first links: older links simply end before them.
    ...(record.clock || record.whatIf ? [record.clock ?? 0] : []),
    ...(record.whatIf ? [Object.entries(record.whatIf)] : []),
  ];
  return lz.compressToEncodedURIComponent(JSON.stringify(tuple));
}

export function shareLink(sc: CompiledScenario, record: GameRecord, base: string): string {
  return `${base.split('#')[0]}#${LINK_KEY}=${encodeRecord(sc, record)}`;
}

/** Finds the link code in a whole link, a fragment, or the bare code. */
export function linkCode(text: string): string {
  const trimmed = text.trim();
  const at = trimmed.indexOf(`${LINK_KEY}=`);
  return at >= 0 ? trimmed.slice(at + LINK_KEY.length + 1).split('&')[0]! : trimmed;
}

/** The scenario a link was made in ({id, hash}), to find it before decoding; null if unreadable. */
export function linkScenario(text: string): { id: string; hash: string } | null {
  const tuple = unpack(text);
  if (!Array.isArray(tuple) || typeof tuple[2] !== 'string' || typeof tuple[4] !== 'string')
    return null;
  return { id: tuple[2], hash: tuple[4] };
}

function unpack(text: string): unknown {
  try {
    const json = lz.decompressFromEncodedURIComponent(linkCode(text));
    return json ? JSON.parse(json) : null;
  } catch {
    return null;
  }
}

const fail = (message: string): Result<GameRecord> => ({
  ok: false,
  errors: [{ path: 'link', message }],
});

/** Decodes a share link (or its code) into a record, checked like any other record. */
export function decodeRecord(sc: CompiledScenario, text: string): Result<GameRecord> {
  const tuple = unpack(text);
  if (tuple === null) {
    return fail('The link is damaged or incomplete: it does not decompress into a game.');
  }
  if (!Array.isArray(tuple) || tuple.length < 10)
    return fail('The link does not hold a Brink game.');
  const [
    version,
    format,
    id,
    scenarioVersion,
    hash,
    seed,
    humans,
    orders,
    finalHash,
    parent,
    clock,
    whatIf,
  ] = tuple as unknown[];
  if (version !== LINK_VERSION) {
    return fail(
      Number.isInteger(version) && (version as number) > LINK_VERSION
        ? `The link uses encoding ${String(version)}, newer than this version of Brink reads (${LINK_VERSION}). Update Brink to open it.`
        : `The link's encoding version is ${shownValue(version)}; this version of Brink reads encoding ${LINK_VERSION}.`,
    );
  }
  if (id !== sc.scenario.id)
    return fail(`The link is a game of scenario ${shownValue(id)}, not "${sc.scenario.id}".`);
  if (typeof hash !== 'string' || !sc.hashes.includes(hash)) {
    return fail(
      `The link was made with ${sc.scenario.id} version ${typeof scenarioVersion === 'string' && VERSION_PATTERN.test(scenarioVersion) ? scenarioVersion : shownValue(scenarioVersion)} (hash ${shownValue(hash)}); this is version ${sc.scenario.version} (hash ${sc.hash}). ${EARLIER_VERSIONS}`,
    );
  }
  if (!Array.isArray(humans) || !Array.isArray(orders))
    return fail('The link does not hold a Brink game.');
  const actionIds = sc.scenario.actions.map((a) => a.id);
  const eventIds = sc.scenario.events.map((e) => e.id);
  const pick = <T>(list: readonly T[], i: unknown): T | undefined =>
    Number.isInteger(i) ? list[i as number] : undefined;
  const decoded: Order[] = [];
  for (const [n, raw] of orders.entries()) {
    if (!Array.isArray(raw)) return fail(`Order ${n + 1} in the link is damaged.`);
    if (raw[0] === 1) {
      decoded.push({ type: 'turn/ended' });
    } else if (raw[0] === 2 && pick(eventIds, raw[1])) {
      decoded.push({ type: 'facilitator/eventInjected', event: pick(eventIds, raw[1])! });
    } else if (
      (raw[0] === 0 || raw[0] === 3) &&
      pick(sc.roleOrder, raw[1]) &&
      Array.isArray(raw[2])
    ) {
      const actions = (raw[2] as unknown[]).map((i) => pick(actionIds, i));
      if (actions.some((a) => a === undefined))
        return fail(`Order ${n + 1} in the link names an action that does not exist.`);
      const role = pick(sc.roleOrder, raw[1])!;
      const text = typeof raw[3] === 'string' ? raw[3] : undefined;
      decoded.push(
        raw[0] === 0
          ? {
              type: 'orders/submitted',
              role,
              actions: actions as string[],
              ...(text ? { rationale: text } : {}),
            }
          : {
              type: 'orders/disputed',
              role,
              actions: actions as string[],
              ...(text ? { note: text } : {}),
            },
      );
    } else {
      return fail(`Order ${n + 1} in the link is damaged.`);
    }
  }
  const roleIds = humans.map((h) => pick(sc.roleOrder, h));
  if (roleIds.some((r) => r === undefined))
    return fail('The link names a role that does not exist.');
  return parseRecord({
    format,
    scenario: { id, version: scenarioVersion, hash },
    seed,
    humans: roleIds,
    orders: decoded,
    // '' and 0 stand for "none"; anything else goes to parseRecord, which refuses a bad value.
    ...(finalHash !== '' ? { finalHash } : {}),
    ...(parent !== 0
      ? { parent: Array.isArray(parent) ? { hash: parent[0], turn: parent[1] } : parent }
      : {}),
    ...(clock !== undefined && clock !== 0 ? { clock } : {}),
    ...(whatIf !== undefined ? { whatIf: whatIfOf(whatIf) } : {}),
  });
}

/** The link's what-if pairs as the record's object; anything else is left for parseRecord to refuse. */
function whatIfOf(pairs: unknown): unknown {
  if (!Array.isArray(pairs) || pairs.length > MAX_WHAT_IFS) return pairs;
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') return pairs;
    out[pair[0]] = pair[1];
  }
  return out;
}
