// The game as a live-class page follows it: the welcome's record replayed with the scenario
// version it names, then each resolved turn's orders folded in through the core's reducer and
// checked against the room's hash (live-protocol.ts's foldTurn). The page never trusts a state
// from the server: it computes its own and compares hashes.
import type { ScenarioVersions } from '../browser/scenario-versions';
import { foldTurn, type TurnResolved } from '../browser/live-protocol';
import {
  formatFaults,
  hashState,
  replay,
  whatIfVariant,
  type CompiledScenario,
  type GameRecord,
  type GameState,
} from '../sim';

export interface Followed {
  /** The scenario version the class plays, under its what-if switches. */
  sc: CompiledScenario;
  state: GameState;
  hash: string;
}

/** The game a welcome's record reaches, or why it cannot be followed here. */
export async function followRecord(
  versions: ScenarioVersions,
  record: GameRecord,
): Promise<{ ok: true; game: Followed } | { ok: false; message: string }> {
  const named = { id: record.scenario.id, hash: record.scenario.hash };
  if (!versions.knows(named.id))
    return {
      ok: false,
      message: `This page has no scenario "${named.id}": the server plays a scenario this copy of Brink does not have.`,
    };
  await versions.fetchFor(named);
  const failure = versions.failure(named.id);
  if (failure) return { ok: false, message: failure };
  const base = versions.versionFor(named.hash, named.id);
  const variant = whatIfVariant(base, record.whatIf);
  if (!variant.ok) return { ok: false, message: formatFaults(variant.errors) };
  const replayed = replay(base, record);
  if (!replayed.ok)
    return {
      ok: false,
      message: `The class's record does not replay here: ${formatFaults(replayed.errors)}`,
    };
  const state = replayed.value.state;
  return { ok: true, game: { sc: variant.value, state, hash: hashState(state) } };
}

/** The game after a resolved turn, or the reason this page is out of step with the room. */
export function followTurn(
  game: Followed,
  resolved: TurnResolved,
): { ok: true; game: Followed } | { ok: false; message: string } {
  const folded = foldTurn(game.sc, game.state, resolved);
  if (!folded.ok) return folded;
  return { ok: true, game: { sc: game.sc, state: folded.state, hash: resolved.hash } };
}
