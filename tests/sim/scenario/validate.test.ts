// Scenario validation: a corpus of broken scenarios (each the minimal fixture with one thing
// broken), the fixture and the shipped scenarios passing, the JSON Schema agreeing on structure,
// and a fuzz test that no input makes validation or loading throw.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFaults, type Fault } from '../../../src/sim/result';
import { loadScenario } from '../../../src/sim/scenario/load';
import type { Scenario } from '../../../src/sim/scenario/types';
import { validateScenario } from '../../../src/sim/scenario/validate';
import { SHIPPED_IDS, shippedText } from '../support/shipped';

const ROOT = new URL('../../../', import.meta.url);
const FIXTURE_TEXT = readFileSync(new URL('tests/fixtures/minimal-scenario.json', ROOT), 'utf8');
const SCENARIO_DIR = new URL('scenarios/', ROOT);
const SCHEMA = JSON.parse(readFileSync(new URL('scenario.schema.json', SCENARIO_DIR), 'utf8'));

/** A fresh copy of the minimal valid scenario, safe to break. */
function fixture(): Scenario {
  return JSON.parse(FIXTURE_TEXT) as Scenario;
}

/** Every variable the fixture's mechanics name, with the path that names it. */
const MECHANIC_VARIABLES = (() => {
  const out: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push([path, value]);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  const { terms: _words, deterrer, challenger, ...rest } = fixture().mechanics;
  walk(rest, 'mechanics');
  walk({ credibility: deterrer.credibility, cohesion: deterrer.cohesion }, 'mechanics.deterrer');
  walk({ face: challenger.face }, 'mechanics.challenger');
  return out;
})();

/** Every shipped scenario, joined from its folder, by id. */
const SHIPPED = SHIPPED_IDS;

function readShipped(id: string): unknown {
  return JSON.parse(shippedText(id));
}

type Json = Record<string, unknown>;
type Key = string | number;
const REMOVE = Symbol('remove');

/** Sets (or with REMOVE deletes) the value at a path like `roles[0].capital.start`. */
function put(target: unknown, path: string, value: unknown): void {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let node = target as Json;
  for (const key of keys.slice(0, -1)) node = node[key] as Json;
  const last = keys[keys.length - 1]!;
  if (value !== REMOVE) node[last] = value;
  else if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
}

function nested(depth: number): unknown {
  let cond: unknown = { var: 'tension', gte: 1 };
  for (let i = 0; i < depth; i++) cond = { not: cond };
  return cond;
}

interface BrokenCase {
  name: string;
  /** Breaks a fresh copy of the fixture in place (what it returns is ignored)… */
  break?: (s: Scenario) => void;
  /** …or, for input that is not a scenario at all, the input itself. */
  input?: unknown;
  /** Substrings the path and the message of one of the errors must contain. */
  path: string;
  message: string;
}

const BROKEN: BrokenCase[] = [
  // Not a scenario at all
  { name: 'a list', input: [], path: '', message: 'must be a JSON object, not a list' },
  { name: 'null', input: null, path: '', message: 'must be a JSON object, not null' },
  { name: 'a number', input: 42, path: '', message: 'must be a JSON object' },
  { name: 'an empty object', input: {}, path: 'roles', message: 'required but missing' },

  // Structure and types
  {
    name: 'a missing required field',
    break: (s) => put(s, 'roles[0].colour', REMOVE),
    path: 'roles[0].colour',
    message: 'required but missing',
  },
  {
    name: 'text where a number belongs',
    break: (s) => put(s, 'variables[0].min', 'zero'),
    path: 'variables[0].min',
    message: 'must be a whole number, not the text "zero"',
  },
  {
    name: 'a fractional cost',
    break: (s) => put(s, 'actions[0].cost', 1.5),
    path: 'actions[0].cost',
    message: 'must be a whole number, not 1.5',
  },
  {
    name: 'a negative cost',
    break: (s) => put(s, 'actions[0].cost', -1),
    path: 'actions[0].cost',
    message: 'at least 0',
  },
  {
    name: 'an empty name',
    break: (s) => put(s, 'events[0].name', ''),
    path: 'events[0].name',
    message: 'must not be empty',
  },
  {
    name: 'a misspelt track',
    break: (s) => put(s, 'actions[0].track', 'diplomacey'),
    path: 'actions[0].track',
    message: 'did you mean "diplomacy"?',
  },
  {
    name: 'an escalation class outside the list',
    break: (s) => put(s, 'actions[1].escalationClass', 5),
    path: 'actions[1].escalationClass',
    message: 'must be one of -2, 0, 4, 12, 28, 60',
  },
  {
    name: 'a side that is not a usable id',
    break: (s) => put(s, 'roles[4].side', 'east side'),
    path: 'roles[4].side',
    message: 'is not a usable id',
  },
  {
    name: 'an unknown signal',
    break: (s) => put(s, 'actions[2].signal', 'loud'),
    path: 'actions[2].signal',
    message: 'must be one of',
  },
  {
    name: 'an unknown hidden parameter',
    break: (s) => put(s, 'hiddenIntent[0].id', 'greed'),
    path: 'hiddenIntent[0].id',
    message: 'must be one of "resolve", "costTolerance", "quickWinBelief"',
  },
  {
    name: 'an unknown ending tone',
    break: (s) => put(s, 'endings[0].tone', 'tragic'),
    path: 'endings[0].tone',
    message: 'must be one of "good", "mixed", "bad"',
  },
  {
    name: 'a variable group that is not a usable id',
    break: (s) => put(s, 'variables[3].group', ''),
    path: 'variables[3].group',
    message: 'must not be empty',
  },
  {
    name: 'more turns than a year',
    break: (s) => put(s, 'turns', 60),
    path: 'turns',
    message: 'at most 52',
  },
  {
    name: 'an impossible start date',
    break: (s) => put(s, 'startDate', '2022-02-30'),
    path: 'startDate',
    message: 'real date',
  },
  {
    name: 'an id with spaces',
    break: (s) => put(s, 'actions[0].id', 'first action'),
    path: 'actions[0].id',
    message: 'not a usable id',
  },
  {
    name: 'a condition mixing two kinds',
    break: (s) => put(s, 'actions[3].requires', { var: 'sanctionsPrepared', gte: 1, turnGte: 2 }),
    path: 'actions[3].requires',
    message: 'mixes two conditions ("var" and "turnGte")',
  },
  {
    name: 'an empty condition',
    break: (s) => put(s, 'endings[0].when', {}),
    path: 'endings[0].when',
    message: 'is not a condition',
  },
  {
    name: 'conditions nested without end',
    break: (s) => put(s, 'endings[0].when', nested(40)),
    path: 'endings[0].when',
    message: 'nested more than 32 deep',
  },
  {
    name: 'a presentation that charts a variable the scenario does not have',
    break: (s) =>
      put(s, 'presentation', {
        mainVariables: ['tension'],
        charted: ['tension', 'tensoin', 'dealProgress', 'channelHealth'],
        compared: ['tension'],
        tracks: { diplomacy: 'Talks', sanctions: 'Pressure', deterrence: 'Force' },
        intentOf: "Russia's",
      }),
    path: 'presentation.charted[1]',
    message: 'unknown variable "tensoin" (did you mean "tension"?)',
  },
  {
    name: 'a presentation that charts three variables, not four',
    break: (s) =>
      put(s, 'presentation', {
        mainVariables: ['tension'],
        charted: ['tension', 'dealProgress', 'channelHealth'],
        compared: ['tension'],
        tracks: { diplomacy: 'Talks', sanctions: 'Pressure', deterrence: 'Force' },
        intentOf: "Russia's",
      }),
    path: 'presentation.charted',
    message: 'must name the 4 variables the debrief charts, not 3',
  },
  {
    name: 'an effect that is both kinds',
    break: (s) => put(s, 'actions[4].effects[0].var', 'tension'),
    path: 'actions[4].effects[0]',
    message: 'both a variable effect',
  },
  {
    name: 'an objective of no weight',
    break: (s) => put(s, 'roles[0].objectives[0].weight', 0),
    path: 'roles[0].objectives[0].weight',
    message: 'at least 1',
  },
  {
    name: 'a victory score above 100',
    break: (s) => put(s, 'roles[0].victoryScore', 120),
    path: 'roles[0].victoryScore',
    message: 'at most 100',
  },
  {
    name: 'a chance above 100',
    break: (s) => put(s, 'events[1].chance.max', 120),
    path: 'events[1].chance.max',
    message: 'at most 100',
  },
  {
    name: 'a drift of more than ten tenths',
    break: (s) => put(s, 'variables[0].drift.tenths', 11),
    path: 'variables[0].drift.tenths',
    message: 'at most 10',
  },
  {
    name: 'a delay of zero',
    break: (s) => put(s, 'actions[3].effects[1].delay', 0),
    path: 'actions[3].effects[1].delay',
    message: 'at least 1',
  },
  {
    name: 'a number too large to mean anything',
    break: (s) => put(s, 'variables[2].max', 1e300),
    path: 'variables[2].max',
    message: 'at most 1000000',
  },

  {
    name: 'an effect larger than its variable can move',
    break: (s) => put(s, 'actions[0].effects[0].amount', -12345),
    path: 'actions[0].effects[0].amount',
    message:
      '-12345 is more than "channelHealth" can move: at most 100 either way (its range is 0 to 100)',
  },
  {
    name: 'an intelligence effect wider than any hidden parameter',
    break: (s) => put(s, 'actions[4].effects[0].intel', 71),
    path: 'actions[4].effects[0].intel',
    message: 'at most 70, the widest hidden parameter',
  },
  {
    name: 'an AI weight far out of bounds',
    break: (s) => put(s, 'roles[0].ai.values.tension', -12345),
    path: 'roles[0].ai.values.tension',
    message: 'must be at least -1000, not -12345',
  },
  {
    name: 'an escalation aversion far out of bounds',
    break: (s) => put(s, 'roles[0].ai.escalationAversion', 12345),
    path: 'roles[0].ai.escalationAversion',
    message: 'must be at most 100',
  },
  {
    name: 'a negative value on political capital',
    break: (s) => put(s, 'roles[0].ai.capitalValue', -1),
    path: 'roles[0].ai.capitalValue',
    message: 'must be at least 0',
  },
  {
    name: 'noise beyond its bound',
    break: (s) => put(s, 'roles[0].ai.noise', 12345),
    path: 'roles[0].ai.noise',
    message: 'must be at most 1000',
  },
  {
    name: 'an action bias beyond its bound',
    break: (s) => put(s, 'actions[0].ai.bias', -12345),
    path: 'actions[0].ai.bias',
    message: 'must be at least -100',
  },
  {
    name: 'a roll pivot outside its variable',
    break: (s) => put(s, 'events[1].chance.terms[0].pivot', -12345),
    path: 'events[1].chance.terms[0].pivot',
    message: 'must lie in "readiness"\'s range (from 0 to 100), not -12345',
  },
  {
    name: 'a chance term beyond its bound',
    break: (s) => put(s, 'events[1].chance.terms[0].perTen', 12345),
    path: 'events[1].chance.terms[0].perTen',
    message: 'must be at most 1000',
  },
  {
    name: 'a chance base beyond its bound',
    break: (s) => put(s, 'events[1].chance.base', -12345),
    path: 'events[1].chance.base',
    message: 'must be at least -1000',
  },
  {
    name: 'an objective weight beyond its bound',
    break: (s) => put(s, 'roles[0].objectives[0].weight', 12345),
    path: 'roles[0].objectives[0].weight',
    message: 'must be at most 1000',
  },
  {
    name: 'an ending scored above 100',
    break: (s) => put(s, 'roles[0].objectives[0].measure.endings.deal', 150),
    path: 'roles[0].objectives[0].measure.endings.deal',
    message: 'must be at most 100',
  },
  {
    name: 'more orders a turn than a record holds',
    break: (s) => put(s, 'roles[0].maxActionsPerTurn', 33),
    path: 'roles[0].maxActionsPerTurn',
    message: 'must be at most 32',
  },
  {
    name: 'an action cost beyond its bound',
    break: (s) => put(s, 'actions[0].cost', 12345),
    path: 'actions[0].cost',
    message: 'must be at most 1000',
  },
  {
    name: 'a 1 MB scenario id',
    break: (s) => put(s, 'id', 'x'.repeat(1 << 20)),
    path: 'id',
    message: 'is 1048576 characters long; at most 64 are allowed',
  },
  {
    name: 'a reference longer than any id',
    break: (s) => put(s, 'actions[0].effects[0].var', 'v'.repeat(65)),
    path: 'actions[0].effects[0].var',
    message: 'is 65 characters long; at most 64 are allowed',
  },
  {
    name: 'a name longer than a name',
    break: (s) => put(s, 'actions[0].name', 'n'.repeat(201)),
    path: 'actions[0].name',
    message: 'is 201 characters long; at most 200 are allowed',
  },
  {
    name: 'prose longer than the generous limit',
    break: (s) => put(s, 'summary', 'p'.repeat(10_001)),
    path: 'summary',
    message: 'is 10001 characters long; at most 10000 are allowed',
  },
  {
    name: 'an ending on a rung comparison that always holds',
    break: (s) => put(s, 'endings[0].when', { rungGte: -12345 }),
    path: 'endings[0].when',
    message: 'every game would end after turn 1',
  },
  {
    name: 'a requirement negating a bound that always holds',
    break: (s) => put(s, 'actions[26].requires', { not: { var: 'tension', gte: -5 } }),
    path: 'actions[26].requires.not',
    message: 'the "not" around it can never hold',
  },

  {
    name: 'a hole in a list built in code',
    break: (s) => delete s.actions[0],
    path: 'actions[0]',
    message: 'must be an object, not nothing',
  },

  // Unique ids
  {
    name: 'a duplicate variable id',
    break: (s) => put(s, 'variables[1].id', 'tension'),
    path: 'variables[1].id',
    message: 'duplicate variable id "tension" (already used by variables[0])',
  },
  {
    name: 'a duplicate role id',
    break: (s) => put(s, 'roles[1].id', 'us'),
    path: 'roles[1].id',
    message: 'duplicate role id "us"',
  },
  {
    name: 'a duplicate action id',
    break: (s) => put(s, 'actions[1].id', 'us_talks'),
    path: 'actions[1].id',
    message: 'duplicate action id',
  },
  {
    name: 'a duplicate event id',
    break: (s) => put(s, 'events[1].id', 'council'),
    path: 'events[1].id',
    message: 'duplicate event id',
  },
  {
    name: 'a duplicate ending id',
    break: (s) => put(s, 'endings[1].id', 'invasion'),
    path: 'endings[1].id',
    message: 'duplicate ending id',
  },
  {
    name: 'a duplicate objective id within a role',
    break: (s) => put(s, 'roles[0].objectives[1].id', 'noWar'),
    path: 'roles[0].objectives[1].id',
    message: 'duplicate objective id',
  },
  {
    name: 'a duplicate rung level',
    break: (s) => put(s, 'rungs[1].level', 1),
    path: 'rungs[1].level',
    message: 'duplicate rung level 1',
  },

  // Cross-references
  {
    name: 'a misspelt variable in an effect',
    break: (s) => put(s, 'actions[0].effects[0].var', 'tensoin'),
    path: 'actions[0].effects[0].var',
    message: 'unknown variable "tensoin" (did you mean "tension"?)',
  },
  {
    name: 'an unknown variable deep inside a condition',
    break: (s) => put(s, 'endings[1].when.any[1].all[1].var', 'cohesion'),
    path: 'endings[1].when.any[1].all[1].var',
    message: 'unknown variable "cohesion"',
  },
  {
    name: 'an unknown variable in a roll',
    break: (s) => put(s, 'actions[2].roll.failure[0].var', 'morale'),
    path: 'actions[2].roll.failure[0].var',
    message: 'unknown variable "morale"',
  },
  {
    name: 'an unknown variable in a chance',
    break: (s) => put(s, 'events[1].chance.terms[0].var', 'readyness'),
    path: 'events[1].chance.terms[0].var',
    message: 'did you mean "readiness"?',
  },
  {
    name: 'an unknown action in a condition',
    break: (s) => put(s, 'actions[25].requires.all[2].actionTaken', 'russia_mass'),
    path: 'actions[25].requires.all[2].actionTaken',
    message: 'unknown action "russia_mass"',
  },
  {
    name: 'an unknown event in a condition',
    break: (s) => put(s, 'actions[26].requires.not.eventHappened', 'councl'),
    path: 'actions[26].requires.not.eventHappened',
    message: 'unknown event "councl" (did you mean "council"?)',
  },
  {
    name: 'an unknown variable in an objective',
    break: (s) => put(s, 'roles[0].objectives[1].measure.var', 'cohesion'),
    path: 'roles[0].objectives[1].measure.var',
    message: 'unknown variable',
  },
  {
    name: 'an unknown ending in an objective',
    break: (s) => put(s, 'roles[0].objectives[0].measure.endings.peace', 50),
    path: 'roles[0].objectives[0].measure.endings.peace',
    message: 'unknown ending "peace"',
  },
  {
    name: 'an unknown variable in AI values',
    break: (s) => put(s, 'roles[1].ai.values.intelligence', 1),
    path: 'roles[1].ai.values.intelligence',
    message: 'unknown variable "intelligence"',
  },
  {
    name: 'an unknown cause of an ending',
    break: (s) => put(s, 'endings[0].causes[1]', 'invade'),
    path: 'endings[0].causes[1]',
    message: 'unknown variable, action or event "invade"',
  },
  {
    name: 'an action of an unknown role',
    break: (s) => put(s, 'actions[0].role', 'usa'),
    path: 'actions[0].role',
    message: 'unknown role "usa" (did you mean "us"?)',
  },
  {
    name: 'a historical record for an unknown role',
    break: (s) => put(s, 'historical.nato', { 1: ['us_talks'] }),
    path: 'historical.nato',
    message: 'unknown role "nato"',
  },
  {
    name: 'a historical turn after the game',
    break: (s) => put(s, 'historical.us.11', ['us_talks']),
    path: 'historical.us["11"]',
    message: 'not a turn of this game',
  },
  {
    name: 'a historical turn that is not a number',
    break: (s) => put(s, 'historical.us.first', ['us_talks']),
    path: 'historical.us.first',
    message: 'not a turn of this game',
  },
  {
    name: 'an unknown historical action',
    break: (s) => put(s, 'historical.us.1', ['us_tlaks']),
    path: 'historical.us["1"][0]',
    message: 'unknown action "us_tlaks" (did you mean "us_talks"?)',
  },
  {
    name: 'a historical action of another role',
    break: (s) => put(s, 'historical.us.1', ['eu_envoy']),
    path: 'historical.us["1"][0]',
    message: '"eu_envoy" is an action of "eu", not of "us"',
  },

  // Ranges
  {
    name: 'a variable whose max is not above its min',
    break: (s) => put(s, 'variables[2].max', 0),
    path: 'variables[2].max',
    message: 'must be greater than min (0)',
  },
  {
    name: 'an initial value outside the range',
    break: (s) => put(s, 'variables[0].initial', 101),
    path: 'variables[0].initial',
    message: "must lie in the variable's range (from 0 to 100)",
  },
  {
    name: 'too few labels',
    break: (s) => s.variables[1]!.labels!.pop(),
    path: 'variables[1].labels',
    message: 'needs one label per value from 0 to 3 (4 labels), not 3',
  },
  {
    name: 'a drift target outside the range',
    break: (s) => put(s, 'variables[0].drift.target', 150),
    path: 'variables[0].drift.target',
    message: "must lie in the variable's range",
  },
  {
    name: 'a delay longer than the game',
    break: (s) => put(s, 'actions[3].effects[1].delay', 11),
    path: 'actions[3].effects[1].delay',
    message: 'longer than the game (10 turns)',
  },
  {
    name: 'a chance whose min is above its max',
    break: (s) => put(s, 'events[1].chance.min', 70),
    path: 'events[1].chance',
    message: 'min (70) is above its max (60)',
  },
  {
    name: 'a chance whose min is above the default max',
    break: (s) => put(s, 'events[1].roll.chance.min', 97),
    path: 'events[1].roll.chance',
    message: 'max (95 when not given)',
  },
  {
    name: 'a gap in the rung levels',
    break: (s) => put(s, 'rungs[3].level', 5),
    path: 'rungs[3].level',
    message: 'must be 4',
  },
  {
    name: 'a rung needing less tension than the one below',
    break: (s) => put(s, 'rungs[2].minTension', 30),
    path: 'rungs[2].minTension',
    message: 'must not be below the rung before it (40)',
  },
  {
    name: 'a hidden parameter whose max is not above its min',
    break: (s) => put(s, 'hiddenIntent[0].max', 20),
    path: 'hiddenIntent[0].max',
    message: 'greater than min',
  },
  {
    name: 'an estimate wider than the parameter',
    break: (s) => put(s, 'hiddenIntent[2].initialEstimateWidth', 61),
    path: 'hiddenIntent[2].initialEstimateWidth',
    message: 'at most max − min (60)',
  },
  {
    name: 'starting capital above the cap',
    break: (s) => put(s, 'roles[0].capital.start', 11),
    path: 'roles[0].capital.start',
    message: 'at most capital.max (10)',
  },
  {
    name: 'an objective measured over no distance',
    break: (s) => put(s, 'roles[0].objectives[1].measure.to', 30),
    path: 'roles[0].objectives[1].measure.to',
    message: 'must differ from "from"',
  },

  // What the engine needs
  {
    name: 'a missing variable the mechanics name',
    break: (s) => put(s, 'variables[14]', REMOVE),
    path: 'mechanics.bargaining.channels',
    message: 'unknown variable "channelHealth"',
  },
  {
    name: 'a variable called "intel"',
    break: (s) => s.variables.push({ ...s.variables[0]!, id: 'intel' }),
    path: 'variables[16].id',
    message: '"intel" is reserved',
  },
  {
    name: 'a missing hidden parameter',
    break: (s) => put(s, 'hiddenIntent[2]', REMOVE),
    path: 'hiddenIntent',
    message: 'the hidden parameter "quickWinBelief" is missing',
  },
  {
    name: 'a duplicate hidden parameter',
    break: (s) => put(s, 'hiddenIntent[2].id', 'resolve'),
    path: 'hiddenIntent[2].id',
    message: 'duplicate hidden parameter id "resolve"',
  },

  // Can it ever happen?
  {
    name: 'an ending above the top of its variable',
    break: (s) => put(s, 'endings[0].when.gte', 4),
    path: 'endings[0].when.gte',
    message: '"warStage" at least 4 can never hold: "warStage" goes up to only 3',
  },
  {
    name: 'an ending below the bottom of its variable',
    break: (s) => put(s, 'endings[1].when', { any: [{ var: 'allianceCohesion', lte: -1 }] }),
    path: 'endings[1].when.any[0].lte',
    message: 'can never hold',
  },
  {
    name: 'an ending that needs an empty "any"',
    break: (s) => put(s, 'endings[1].when', { any: [] }),
    path: 'endings[1].when.any',
    message: 'an empty "any" can never hold',
  },
  {
    name: 'an ending on a rung that does not exist',
    break: (s) => put(s, 'endings[0].when', { rungGte: 5 }),
    path: 'endings[0].when.rungGte',
    message: 'the rung at least 5 can never hold',
  },
  {
    name: 'an ending that holds from the first turn',
    break: (s) => put(s, 'endings[0].when', { all: [] }),
    path: 'endings[0].when',
    message: 'every game would end after turn 1',
  },
  {
    name: 'no catch-all at the deadline',
    break: (s) => s.endings.pop(),
    path: 'endings',
    message: 'no ending applies at the deadline',
  },
  {
    name: 'a scheduled event after the last turn',
    break: (s) => put(s, 'events[0].turn', 11),
    path: 'events[0].turn',
    message: 'turn 11 never comes: the game has 10 turns',
  },
  {
    name: 'a requirement above the top of its variable',
    break: (s) => put(s, 'actions[3].requires.gte', 4),
    path: 'actions[3].requires.gte',
    message: 'can never hold',
  },
  {
    name: 'a requirement with its bounds crossed',
    break: (s) => put(s, 'actions[3].requires', { var: 'tension', gte: 60, lte: 50 }),
    path: 'actions[3].requires',
    message: 'at least 60 and at most 50 can never both hold',
  },
  {
    name: 'a requirement on a turn after the game',
    break: (s) => put(s, 'actions[3].requires', { turnGte: 11 }),
    path: 'actions[3].requires.turnGte',
    message: 'the turn at least 11 can never hold',
  },
  {
    name: 'a requirement on an action taken longer ago than the game lasts',
    break: (s) => put(s, 'actions[25].requires.all[2].byTurnsAgo', 10),
    path: 'actions[25].requires.all[2].byTurnsAgo',
    message: 'can never hold',
  },
  {
    name: 'a requirement negating what always holds',
    break: (s) => put(s, 'actions[26].requires', { not: { all: [] } }),
    path: 'actions[26].requires.not',
    message: 'the "not" around it can never hold',
  },
  {
    name: 'a war stage beyond the last',
    break: (s) => put(s, 'actions[25].warStage', 4),
    path: 'actions[25].warStage',
    message: 'must be a war stage from 1 to 3, not 4',
  },
  {
    name: 'no playable role',
    break: (s) => s.roles.forEach((r) => (r.playable = false)),
    path: 'roles',
    message: 'no role is playable',
  },
  {
    name: 'no role that estimates the hidden intent',
    break: (s) => s.roles.forEach((r) => (r.estimatesIntent = false)),
    path: 'roles',
    message: "no role estimates the challenger's hidden intent",
  },

  // Briefing sources
  {
    name: 'a paragraph without sources',
    break: (s) => put(s, 'briefing[0].paragraphs[0].sources', []),
    path: 'briefing[0].paragraphs[0].sources',
    message: 'needs at least one source',
  },
  {
    name: 'an article source without its quote',
    break: (s) => put(s, 'briefing[0].paragraphs[0].sources[0].quote', REMOVE),
    path: 'briefing[0].paragraphs[0].sources[0].quote',
    message: 'an article source needs the "quote" it cites',
  },
  {
    name: 'a research source without its reference',
    break: (s) => put(s, 'briefing[0].paragraphs[1].sources[0].reference', REMOVE),
    path: 'briefing[0].paragraphs[1].sources[0].reference',
    message: 'a research source needs its "reference"',
  },
  {
    name: 'an event source without its quote',
    break: (s) => put(s, 'events[0].source', { kind: 'article' }),
    path: 'events[0].source.quote',
    message: 'needs the "quote"',
  },
  {
    name: 'a counterfactual event that does not say what did not happen',
    break: (s) => put(s, 'events[0].source', { kind: 'counterfactual' }),
    path: 'events[0].source.reference',
    message:
      'a counterfactual needs a "reference" saying what is plausible and what did not happen',
  },
];

function broken(c: BrokenCase): unknown {
  if ('input' in c) return c.input;
  const s = fixture();
  c.break?.(s);
  return s;
}

function errorsOf(input: unknown): Fault[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
}

describe('validateScenario on broken scenarios', () => {
  it.each(BROKEN)('reports $name', (c) => {
    const errors = errorsOf(broken(c));
    const match = errors.find(
      (f) => f.severity === 'error' && f.path.includes(c.path) && f.message.includes(c.message),
    );
    expect(
      match,
      `no error at "${c.path}" saying "${c.message}" in:\n${formatFaults(errors)}`,
    ).toBeDefined();
  });

  it('covers enough cases', () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(25);
  });

  it.each(MECHANIC_VARIABLES)(
    'reports %s when the variable it names (%s) is missing',
    (path, id) => {
      const s = fixture();
      s.variables = s.variables.filter((v) => v.id !== id);
      const errors = errorsOf(s);
      expect(errors.some((f) => f.path === path && f.message.includes(`"${id}"`))).toBe(true);
    },
  );

  it('names the sides the mechanics need, and who may be told an estimate', () => {
    const misspelt = fixture();
    misspelt.mechanics.challenger.side = 'rusia';
    expect(errorsOf(misspelt)).toContainEqual(
      expect.objectContaining({
        path: 'mechanics.challenger.side',
        message: 'unknown side "rusia" (did you mean "russia"?)',
      }),
    );
    const same = fixture();
    same.mechanics.challenger.side = same.mechanics.deterrer.side;
    expect(errorsOf(same).map((f) => f.path)).toContain('mechanics.challenger.side');
    const support = fixture();
    support.mechanics.deterrer.support = { russia: 'supportRussia' };
    expect(errorsOf(support)).toContainEqual(
      expect.objectContaining({ path: 'mechanics.deterrer.support.russia' }),
    );
    const told = fixture();
    const action =
      told.actions.find((a) => a.effects.some((e) => 'intel' in e)) ?? told.actions[0]!;
    action.effects = [{ intel: 5, who: 'martians' }];
    expect(errorsOf(told).some((f) => /\.who$/.test(f.path) && /martians/.test(f.message))).toBe(
      true,
    );
    const none = fixture() as Partial<Scenario>;
    delete none.mechanics;
    expect(errorsOf(none as Scenario).map((f) => f.path)).toContain('mechanics');
  });

  it('gives every fault a path, a message and a severity', () => {
    for (const c of BROKEN) {
      for (const fault of errorsOf(broken(c))) {
        expect(typeof fault.path).toBe('string');
        expect(fault.message.length).toBeGreaterThan(0);
        expect(fault.severity).toBe('error');
      }
    }
  });
});

interface WarningCase {
  name: string;
  break: (s: Scenario) => void;
  path: string;
  message: string;
}

/** Content that runs but is probably a mistake: the scenario still loads, with a warning. */
const WARNINGS: WarningCase[] = [
  {
    name: 'a misspelt optional field',
    break: (s) => put(s, 'actions[0].requries', { var: 'tension', lte: 80 }),
    path: 'actions[0].requries',
    message: 'unknown field "requries" (did you mean "requires"?) is ignored',
  },
  {
    name: 'a playable role with no action on a track',
    break: (s) => {
      s.actions = s.actions.filter((a) => !(a.role === 'ukraine' && a.track === 'sanctions'));
    },
    path: 'roles[2]',
    message: 'Ukraine is playable but has no action on the sanctions track',
  },
  {
    name: 'a dead branch beside a live one',
    break: (s) => put(s, 'endings[1].when.any[0]', { var: 'allianceCohesion', lte: -5 }),
    path: 'endings[1].when.any[0].lte',
    message: 'can never hold',
  },
  {
    name: 'an event that can never happen',
    break: (s) => put(s, 'events[1].when', { var: 'tension', gte: 200 }),
    path: 'events[1].when.gte',
    message: 'can never hold',
  },
  {
    name: 'a scheduled event with a chance',
    break: (s) => put(s, 'events[0].chance', { base: 50 }),
    path: 'events[0].chance',
    message: 'is ignored',
  },
  {
    name: 'an event with nothing to say when',
    break: (s) => put(s, 'events[0].turn', REMOVE),
    path: 'events[0]',
    message: 'happens on turn 1 for certain',
  },
  {
    name: 'an ending after the catch-all',
    break: (s) => s.endings.push({ ...s.endings[0]!, id: 'late' }),
    path: 'endings[4]',
    message: 'comes after the catch-all ending "standoff"',
  },
  {
    name: 'more historical orders than a turn allows',
    break: (s) => put(s, 'historical.us.1', ['us_talks', 'us_arms', 'us_red_line']),
    path: 'historical.us["1"]',
    message: 'at most 2 orders a turn, not 3',
  },
  {
    name: "a challenger's role that only estimates its own intent",
    break: (s) => put(s, 'roles[3].estimatesIntent', true),
    path: 'roles[3].estimatesIntent',
    message: "on the challenger's side",
  },
  {
    name: 'a rung comparison that always holds',
    break: (s) => put(s, 'actions[3].requires', { rungGte: -12345 }),
    path: 'actions[3].requires.rungGte',
    message: 'the rung at least -12345 always holds: the rung never goes below 1',
  },
  {
    name: 'a variable bound at its minimum',
    break: (s) => put(s, 'actions[3].requires', { var: 'tension', gte: 0, lte: 50 }),
    path: 'actions[3].requires.gte',
    message: '"tension" at least 0 always holds: "tension" never goes below 0',
  },
  {
    name: 'a variable bound above its maximum',
    break: (s) => put(s, 'events[1].when.all[0]', { var: 'tension', lte: 150 }),
    path: 'events[1].when.all[0].lte',
    message: '"tension" at most 150 always holds: "tension" never goes above 100',
  },
  {
    name: 'a turn bound at the last turn',
    break: (s) => put(s, 'actions[3].requires', { turnLte: 10 }),
    path: 'actions[3].requires.turnLte',
    message: 'the turn at most 10 always holds',
  },
  {
    name: 'an action its role can never afford',
    break: (s) => put(s, 'actions[0].cost', 11),
    path: 'actions[0].cost',
    message: 'costs 11, but United States never has more than 10 political capital',
  },
  {
    name: 'a comparison with no bounds',
    break: (s) => put(s, 'endings[0].when', { var: 'warStage' }),
    path: 'endings[0].when',
    message: 'compares nothing',
  },
];

describe('validateScenario warnings', () => {
  it.each(WARNINGS)('warns about $name and still accepts the scenario', (c) => {
    const s = fixture();
    c.break(s);
    const result = validateScenario(s);
    if (!result.ok) expect.fail(`unexpected errors:\n${formatFaults(result.errors)}`);
    const warnings = result.warnings ?? [];
    const match = warnings.find(
      (f) => f.severity === 'warning' && f.path.includes(c.path) && f.message.includes(c.message),
    );
    expect(
      match,
      `no warning at "${c.path}" saying "${c.message}" in:\n${formatFaults(warnings)}`,
    ).toBeDefined();
  });
});

describe('the minimal fixture', () => {
  it('validates with no errors and no warnings', () => {
    const result = validateScenario(fixture());
    expect(result.ok ? (result.warnings ?? []) : result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('names a variable of its own for every part of the mechanics', () => {
    const ids = fixture().variables.map((v) => v.id);
    for (const [, id] of MECHANIC_VARIABLES) expect(ids).toContain(id);
  });
});

describe('loadScenario', () => {
  it('parses, validates and compiles JSON text', () => {
    const result = loadScenario(FIXTURE_TEXT);
    if (!result.ok) expect.fail(formatFaults(result.errors));
    const sc = result.value;
    expect(sc.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(sc.roleOrder).toEqual(['us', 'eu', 'ukraine', 'russia', 'belarus']);
    expect(sc.actions.russia_invade?.warStage).toBe(3);
    expect(sc.actionsByRole.belarus?.map((a) => a.id)).toEqual([
      'belarus_exercise',
      'belarus_host',
    ]);
  });

  it('hashes the content, not the layout of the text', () => {
    const fromText = loadScenario(FIXTURE_TEXT);
    const fromData = loadScenario(fixture());
    const compact = loadScenario(JSON.stringify(fixture()));
    const changed = fixture();
    changed.turns = 9;
    const other = loadScenario(changed);
    if (!fromText.ok || !fromData.ok || !compact.ok || !other.ok)
      expect.fail('fixture did not load');
    expect(fromData.value.hash).toBe(fromText.value.hash);
    expect(compact.value.hash).toBe(fromText.value.hash);
    expect(other.value.hash).not.toBe(fromText.value.hash);
  });

  it('turns a JSON syntax error into a fault at the root', () => {
    const result = loadScenario('{"id": "broken", ');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.path).toBe('');
    expect(result.errors[0]!.message).toContain('not valid JSON');
  });

  it('rejects JSON text that is not a scenario', () => {
    const result = loadScenario('"a scenario"');
    expect(result.ok ? [] : result.errors.map((f) => f.message)).toEqual([
      'a scenario must be a JSON object, not the text "a scenario"',
    ]);
  });

  it('refuses data nested more than 100 levels deep with the path, and does not throw', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const s = { ...fixture(), notes: deep };
    const result = loadScenario(s);
    expect(result.ok).toBe(false);
    const fault = result.ok ? undefined : result.errors[0];
    expect(fault?.message).toBe('is nested more than 100 levels deep');
    expect(fault?.path).toBe(`notes${'[0]'.repeat(99)}`);
    const fromText = loadScenario(
      FIXTURE_TEXT.replace(/^\{/, `{"notes": ${'['.repeat(1e5)}${']'.repeat(1e5)},`),
    );
    expect(fromText.ok ? [] : fromText.errors.map((f) => f.message)).toEqual([
      'is nested more than 100 levels deep',
    ]);
  });

  it('reports conditions nested 2,000 deep at the condition limit', () => {
    const s = fixture();
    put(s, 'endings[0].when', nested(2000));
    const result = loadScenario(s);
    expect(result.ok ? [] : result.errors.map((f) => f.message)).toEqual([
      'conditions are nested more than 32 deep',
    ]);
  });

  it('passes warnings on with the compiled scenario', () => {
    const s = fixture();
    put(s, 'actions[0].requries', { var: 'tension', lte: 80 });
    const result = loadScenario(s);
    expect(result.ok && result.warnings?.map((f) => f.path)).toEqual(['actions[0].requries']);
  });
});

describe('the shipped scenarios', () => {
  it('include at least one scenario', () => {
    expect(SHIPPED.length).toBeGreaterThan(0);
  });

  for (const file of SHIPPED) {
    it(`${file} validates with no errors`, () => {
      const result = validateScenario(readShipped(file));
      expect(result.ok ? [] : formatFaults(result.errors).split('\n')).toEqual([]);
    });
  }
});

describe('scenario.schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true });
  const matchesSchema = ajv.compile(SCHEMA);
  const schemaErrors = () => ajv.errorsText(matchesSchema.errors, { separator: '\n' });

  it('accepts the minimal fixture', () => {
    expect(matchesSchema(fixture()), schemaErrors()).toBe(true);
  });

  for (const file of SHIPPED) {
    it(`accepts ${file}`, () => {
      expect(matchesSchema(readShipped(file)), schemaErrors()).toBe(true);
    });
  }

  const STRUCTURALLY_BROKEN: [string, (s: Scenario) => void][] = [
    ['a missing list of roles', (s) => put(s, 'roles', REMOVE)],
    ['an unknown track', (s) => put(s, 'actions[0].track', 'military')],
    ['an escalation class outside the list', (s) => put(s, 'actions[1].escalationClass', 5)],
    ['a fractional cost', (s) => put(s, 'actions[0].cost', 1.5)],
    ['an unknown field', (s) => put(s, 'roles[0].colur', 'blue')],
    ['a condition mixing two kinds', (s) => put(s, 'endings[0].when.turnGte', 2)],
    ['an article source without a quote', (s) => put(s, 'events[0].source.quote', REMOVE)],
    ['a paragraph without sources', (s) => put(s, 'briefing[0].paragraphs[0].sources', [])],
  ];

  it.each(STRUCTURALLY_BROKEN)('rejects %s, as the validator does', (_name, breakIt) => {
    const s = fixture();
    breakIt(s);
    expect(matchesSchema(s)).toBe(false);
    // The validator agrees (an unknown field is only a warning there: the engine ignores it).
    const result = validateScenario(s);
    expect(result.ok ? (result.warnings ?? []).length : result.errors.length).toBeGreaterThan(0);
  });
});

/** Every path into a JSON value, as lists of keys. */
function pathsOf(value: unknown, prefix: Key[] = [], out: Key[][] = []): Key[][] {
  if (prefix.length > 0) out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  }
  return out;
}

const FIXTURE_PATHS = pathsOf(fixture());

/** Replaces (or deletes) the value at `path`, if an earlier mutation left the path in place. */
function mutate(target: unknown, path: readonly Key[], value: unknown): void {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<Key, unknown>)[key];
  }
  if (typeof node !== 'object' || node === null) return;
  const last = path[path.length - 1]!;
  if (value === REMOVE) delete (node as Record<Key, unknown>)[last];
  else (node as Record<Key, unknown>)[last] = value;
}

function expectResult(
  result: ReturnType<typeof validateScenario> | ReturnType<typeof loadScenario>,
) {
  expect(typeof result.ok).toBe('boolean');
  const faults = result.ok ? (result.warnings ?? []) : result.errors;
  if (!result.ok) expect(faults.length).toBeGreaterThan(0);
  for (const fault of faults) {
    expect(typeof fault.path).toBe('string');
    expect(typeof fault.message).toBe('string');
    expect(fault.message.length).toBeGreaterThan(0);
  }
}

describe('validation never throws', () => {
  const replacement = fc.oneof(
    fc.anything(),
    fc.constant(REMOVE),
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.constantFrom('tension', 'us', 'russia_invade', 'council', 'standoff', '', 0, -1, 1e9, []),
  );
  const mutation = fc.record({ at: fc.nat(), value: replacement });

  it('returns a Result for 500 random mutations of the fixture', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const s = fixture();
        for (const m of mutations) {
          mutate(s, FIXTURE_PATHS[m.at % FIXTURE_PATHS.length]!, m.value);
        }
        expectResult(validateScenario(s));
        expectResult(loadScenario(s));
      }),
      { numRuns: 500 },
    );
  });

  it('takes an optional object written out as undefined for an absent one', () => {
    // A scenario made in code may say `field: undefined`; JSON never does. Each optional object
    // of the fixture, set so in turn, must validate as it does without it.
    for (const path of FIXTURE_PATHS) {
      const s = fixture();
      mutate(s, path, undefined);
      expectResult(validateScenario(s));
    }
  });

  it('returns a Result for anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => expectResult(validateScenario(value))),
      { numRuns: 300 },
    );
  });

  it('returns a Result for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => expectResult(loadScenario(text))),
      { numRuns: 300 },
    );
  });
});
