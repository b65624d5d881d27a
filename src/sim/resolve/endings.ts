// Assessment: the first ending whose condition holds ends the game; deadline endings are
// checked only after the last turn.
import { holds } from '../conditions';
import type { CompiledScenario } from '../scenario/compile';
import type { EndingReached, GameState } from '../state';

export function checkEndings(sc: CompiledScenario, state: GameState): EndingReached | null {
  const lastTurn = state.turn >= sc.scenario.turns;
  for (const ending of sc.scenario.endings) {
    if (ending.atDeadline && !lastTurn) continue;
    if (holds(sc, state, ending.when)) return { id: ending.id, turn: state.turn };
  }
  return null;
}
