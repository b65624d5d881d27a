// Assessment: the first ending whose condition holds ends the game; deadline endings are
// checked only after the last turn.
import type { EndingReached } from '../state';
import type { Work } from '../work';

export function checkEndings(w: Work): EndingReached | null {
  const turn = w.state.turn;
  const lastTurn = turn >= w.sc.scenario.turns;
  for (const ending of w.tables.endings) {
    if (ending.atDeadline && !lastTurn) continue;
    if (ending.when(w)) return { id: ending.id, turn };
  }
  return null;
}
