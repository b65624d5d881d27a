// Games of earlier scenario versions for the tests: the archived scenarios as the command line
// reads them, the fixture records and links played with them, and a save of a game in progress
// written the way the game writes its autosave (src/game/save.ts: role, play mode and record).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  dispatch,
  formatFaults,
  legalActions,
  startSession,
  type CompiledScenario,
  type GameRecord,
  type Session,
} from '../../src/sim';
import { loadScenario } from '../../src/sim/scenario/load';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** An archived scenario file (`ukraine-2021-1.1.0.json`), loaded and validated. */
export function archivedScenario(file: string): CompiledScenario {
  const result = loadScenario(readFileSync(at(`../../scenarios/archive/${file}`), 'utf8'));
  if (!result.ok) throw new Error(`${file} does not load:\n${formatFaults(result.errors)}`);
  return result.value;
}

/** The fixture records played with a version (`1.0.0`, `1.1.0`). */
export function fixtureRecords(version: string): GameRecord[] {
  return JSON.parse(
    readFileSync(at(`../fixtures/records/ukraine-2021-${version}.json`), 'utf8'),
  ) as GameRecord[];
}

/** The fixture share links of a version, one a line. */
export function fixtureLinks(version: string): string[] {
  return readFileSync(at(`../fixtures/records/ukraine-2021-${version}.links.txt`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/**
 * A game of `role` alone (the other roles the computer's) in progress after `turns` turns, played
 * with `sc`: each turn the role gives the orders it gave in the fixture record, those still legal
 * in this game (the computer's roles make it another game than the fixture's).
 */
export function gameInProgress(
  sc: CompiledScenario,
  fixture: GameRecord,
  role: string,
  turns: number,
): Session {
  let session = startSession(sc, fixture.seed, [role]);
  const given = fixture.orders.flatMap((o) =>
    o.type === 'orders/submitted' && o.role === role ? [o.actions] : [],
  );
  for (const actions of given.slice(0, turns)) {
    const legal = new Set(legalActions(sc, session.state, role).map((a) => a.id));
    const orders = actions.filter((id) => legal.has(id));
    const submitted = dispatch(sc, session, { type: 'orders/submitted', role, actions: orders });
    // An affordable set alone may still be refused (too many, or together too costly): then none.
    session = submitted.error
      ? dispatch(sc, session, { type: 'orders/submitted', role, actions: [] }).session
      : submitted.session;
    session = dispatch(sc, session, { type: 'turn/ended' }).session;
  }
  // Saved when that version was current: the record names the hash it had then (the archived
  // file has since gained a mechanics block and lists that hash as compatible).
  return { ...session, record: { ...session.record, scenario: { ...fixture.scenario } } };
}

/** The text of the autosave of a game, as src/game/save.ts writes it. */
export function saveText(role: string, session: Session): string {
  return JSON.stringify({ role, dyad: false, facilitator: false, record: session.record });
}
