// Russia's hidden intent and the other roles' estimates of it. An estimate is an honest range:
// it always contains the true value, but where in the range the truth lies is drawn from the seed.
import type { CompiledScenario } from './scenario/compile';
import type { HiddenParameter } from './scenario/types';
import type { Estimate, GameState } from './state';
import type { Rng } from './rng';

const NARROWEST = 4;

export function drawHiddenIntent(sc: CompiledScenario, rng: Rng): Record<HiddenParameter, number> {
  const hidden = {} as Record<HiddenParameter, number>;
  for (const spec of sc.scenario.hiddenIntent) {
    const span = spec.max - spec.min + 1;
    hidden[spec.id] =
      spec.distribution === 'triangular'
        ? spec.min + Math.trunc((rng.below(span) + rng.below(span)) / 2)
        : spec.min + rng.below(span);
  }
  return hidden;
}

export function drawEstimates(
  sc: CompiledScenario,
  hidden: Record<HiddenParameter, number>,
  rng: Rng,
): Record<string, Record<HiddenParameter, Estimate>> {
  const intel: Record<string, Record<HiddenParameter, Estimate>> = {};
  for (const role of sc.scenario.roles) {
    if (!role.estimatesIntent) continue;
    const estimates = {} as Record<HiddenParameter, Estimate>;
    for (const spec of sc.scenario.hiddenIntent) {
      const width = spec.initialEstimateWidth;
      let low = hidden[spec.id] - rng.below(width + 1);
      low = Math.max(spec.min, Math.min(spec.max - width, low));
      estimates[spec.id] = { low, high: low + width };
    }
    intel[role.id] = estimates;
  }
  return intel;
}

/** Narrows a role's estimates by `amount` points, keeping the truth at the same relative place. */
export function narrowEstimates(
  sc: CompiledScenario,
  state: GameState,
  role: string,
  amount: number,
): void {
  const estimates = state.intel[role];
  if (!estimates) return;
  for (const spec of sc.scenario.hiddenIntent) {
    const e = estimates[spec.id];
    const truth = state.hidden[spec.id];
    const width = e.high - e.low;
    const narrowed = Math.max(NARROWEST, width - amount);
    if (narrowed >= width) continue;
    const low = truth - Math.trunc(((truth - e.low) * narrowed) / Math.max(1, width));
    estimates[spec.id] = { low, high: low + narrowed };
  }
}
