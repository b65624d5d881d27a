// The game as a live-class page follows it: the welcome's record replayed with the scenario
// version it names, then each resolved turn's orders folded in through the core's reducer and
// checked against the room's hash (live-protocol.ts's followWelcome and foldTurn). The page never
// trusts a state from the server: it computes its own and compares hashes. The game is the page's
// own: a fold changes it in place.
import type { ScenarioVersions } from '../browser/scenario-versions';
import { foldTurn, followWelcome, type OwnGame, type TurnResolved } from '../browser/live-protocol';
import type { GameRecord } from '../sim';

export interface Followed extends OwnGame {
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
  const followed = followWelcome(versions.versionFor(named.hash, named.id), record);
  if (!followed.ok) return followed;
  return { ok: true, game: { ...followed.game, hash: followed.hash } };
}

/**
 * The game after a resolved turn, or the reason this page is out of step with the room (the
 * game it was given is then part-way through the turn: follow the welcome's record again).
 */
export function followTurn(
  game: Followed,
  resolved: TurnResolved,
): { ok: true; game: Followed } | { ok: false; message: string } {
  const folded = foldTurn(game, resolved);
  if (!folded.ok) return folded;
  return { ok: true, game: { ...game, hash: resolved.hash } };
}
