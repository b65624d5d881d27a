// The scenario hash that records, links and saves carry: a hash of what can change a game's
// outcome or its final state, and of nothing else. Prose (briefings, the glossary, questions, the
// real timeline, the model card, descriptions, headlines, sources) is left out, so fixing a typo in
// a briefing keeps every saved game, record and share link valid. Names stay in: variable names and
// roll labels are written into the AI's logged reasons, which are part of the final state.
import { hashJson } from '../hash';
import type { Scenario } from './types';

/** Top-level parts that never reach the reducer. */
const PROSE_PARTS = new Set([
  '$schema',
  'title',
  'summary',
  'briefing',
  'glossary',
  'discussionQuestions',
  'whatHappened',
  'modelCard',
  // The historical bot's plan steers batch runs, not replays: records hold the orders themselves.
  'historical',
  'historicalWhen',
  'compatibleWith',
  'calibration',
  'lessonKit',
  'presentation',
]);

/** Keys that are only ever shown, wherever they stand inside roles, actions, events and the rest. */
const PROSE_KEYS = new Set([
  'description',
  'headline',
  'source',
  'briefing',
  'text',
  'kahn',
  'leader',
  'colour',
  'labels',
  'unit',
  'tone',
  'rationale',
]);

function withoutProse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProse);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!PROSE_KEYS.has(key)) out[key] = withoutProse(item);
  }
  return out;
}

/** The content hash of a validated scenario: 16 hex digits. */
export function scenarioHash(scenario: Scenario): string {
  const outcome: Record<string, unknown> = {};
  for (const [key, part] of Object.entries(scenario)) {
    if (!PROSE_PARTS.has(key)) outcome[key] = withoutProse(part);
  }
  return hashJson(outcome);
}
