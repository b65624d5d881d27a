// The model card is prose a teacher reads; these tests hold the numbers it quotes to the numbers
// the game plays by, so the two cannot drift apart again (model review 2026-11, section 4).
import { describe, expect, it } from 'vitest';
import {
  createGame,
  reduce,
  thaw,
  type CompiledScenario,
  type Condition,
  type GameState,
  type Order,
  type TurnReport,
} from '../../../src/sim';
import { signalCredibility, tensionPush } from '../../../src/sim/rules';
import { ukraine } from '../../support/scenario';

const sc = ukraine();

/** The thresholds an action's `requires` sets: `turn` for turnGte, else the variable's `gte`. */
function gates(actionId: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (c: Condition | undefined): void => {
    if (!c) return;
    if ('all' in c) c.all.forEach(walk);
    else if ('turnGte' in c && c.turnGte !== undefined) out.turn = c.turnGte;
    else if ('var' in c && c.gte !== undefined) out[c.var] = c.gte;
  };
  walk(sc.actions[actionId]?.requires);
  return out;
}

/**
 * Every number the card quotes, read from where the game keeps it: the general rules from the
 * compiled scenario (its `rules` block, or the values built in for first-format scenarios), the
 * gates from the actions' requirements, the preferences from the roles' objectives. If these
 * numbers move, repoint this one helper.
 */
function modelNumbers(scenario: CompiledScenario) {
  const rules = scenario.rules;
  const recognition = gates('russia.recogniseRepublics');
  const incursion = gates('russia.limitedIncursion');
  const invasion = gates('russia.fullInvasion');
  const ukraine = scenario.roles.ukraine!.objectives.find((o) => 'endings' in o.measure)!.measure;
  const endings = 'endings' in ukraine ? ukraine.endings : {};
  return {
    signalCostly: rules.signalCostly,
    signalCheap: rules.signalCheap,
    signalFullBelow: rules.signalFullBelow,
    costlyAt: (credibility: number) => signalCredibility(rules, 'costly', credibility),
    redLineBacked: rules.redLineBacked,
    audienceCost: rules.audienceCost,
    recognition: [recognition.turn, recognition.readiness],
    incursion: [incursion.russianForces, incursion.readiness],
    invasion: [invasion.russianForces, invasion.readiness, invasion.belarusForces],
    ukraine: endings,
  };
}

const numbers = modelNumbers(sc);

function card(subject: string): string {
  const entry = sc.scenario.modelCard.find((m) => m.subject === subject);
  expect(entry, `the model card has no entry "${subject}"`).toBeDefined();
  return entry!.explanation;
}

/** The numbers a pattern captures in a card entry; fails if the card no longer says it. */
function quoted(text: string, pattern: RegExp): number[] {
  const match = pattern.exec(text);
  expect(match, `the card no longer says ${pattern}`).not.toBeNull();
  return match!.slice(1).map((n) => Number(n.replace(/,/g, '')));
}

describe('the model card quotes the numbers the game plays by', () => {
  it('signals: what costly and cheap signals add, and where returns start to diminish', () => {
    const text = card('Signals');
    expect(quoted(text, /costly signal \([^)]*\) adds (\d+) points/)).toEqual([
      numbers.signalCostly,
    ]);
    expect(quoted(text, /cheap talk \([^)]*\) adds (\d+)/)).toEqual([numbers.signalCheap]);
    expect(quoted(text, /each full 10 points of credibility above (\d+)/)).toEqual([
      numbers.signalFullBelow,
    ]);
    const [first, at, second, at2] = quoted(text, /adds (\d+) at (\d+) and (\d+) at (\d+)/);
    expect(numbers.costlyAt(at!)).toBe(first);
    expect(numbers.costlyAt(at2!)).toBe(second);
  });

  it('red lines: what backing or breaking one is worth', () => {
    const text = card('Red lines and audience costs');
    expect(quoted(text, /adds (\d+) points of deterrence credibility/)).toEqual([
      numbers.redLineBacked,
    ]);
    expect(
      quoted(text, /costs (\d+) points of deterrence credibility and, for the US, (\d+) points/),
    ).toEqual([numbers.audienceCost, numbers.audienceCost]);
  });

  it('the war gates: recognition, a limited incursion and a full invasion', () => {
    const text = card('The war gates');
    expect(quoted(text, /breakaway regions needs turn (\d+) and readiness (\d+)/)).toEqual(
      numbers.recognition,
    );
    expect(quoted(text, /limited incursion needs ([\d,]+),000 troops and readiness (\d+)/)).toEqual(
      numbers.incursion,
    );
    expect(
      quoted(
        text,
        /full invasion needs ([\d,]+),000 troops, readiness (\d+) and ([\d,]+),000 troops in Belarus/,
      ),
    ).toEqual(numbers.invasion);
  });

  it('Ukraine: how it scores a deal, a standoff and the wars', () => {
    const text = card('Objectives: Ukraine, Russia and Belarus');
    const { ukraine } = numbers;
    expect(quoted(text, /negotiated deal at (\d+)/)).toEqual([ukraine.negotiatedDeEscalation]);
    expect(quoted(text, /managed standoff at (\d+)/)).toEqual([ukraine.managedStandoff]);
    expect(
      quoted(
        text,
        /frozen conflict scores (\d+), a limited incursion (\d+) and a full invasion (\d+)/,
      ),
    ).toEqual([ukraine.frozenConflict, ukraine.limitedIncursion, ukraine.fullInvasion]);
  });
});

/** A fraction as the card writes it ("half", "a third") to the divisor the rules hold. */
const FRACTION: Record<string, number> = { half: 2, 'a third': 3, 'a quarter': 4, 'a fifth': 5 };

describe('the model card quotes the rules that were constants in the code', () => {
  const rules = sc.rules;

  it('the tension rule: its fractions and its worked examples', () => {
    const text = card('The tension rule');
    const fraction = (pattern: RegExp) => {
      const match = pattern.exec(text);
      expect(match, `the card no longer says ${pattern}`).not.toBeNull();
      return FRACTION[match![1]!];
    };
    // Goldstein weights count in tenths, so "half" of the weight is a divisor of 20 tenths.
    expect(fraction(/minus (half|a third|a quarter|a fifth) its Goldstein weight/)! * 10).toBe(
      rules.tensionGoldsteinPer,
    );
    expect(fraction(/plus (half|a third|a quarter|a fifth) of its escalation class/)).toBe(
      rules.tensionEscalationPer,
    );
    const act = (g: number, e: number) =>
      tensionPush(rules, { goldstein: g, escalationClass: e as 0 });
    const [plus, lowers, minus, raises] = quoted(
      text,
      /at \+(\d+) lowers tension by (\d+); an imposed sanction at −(\d+) raises it by (\d+)/,
    );
    expect(act(plus!, 0)).toBe(-lowers!);
    expect(act(-minus!, 0)).toBe(raises);
    const [c1, t1, c2, t2, c3, t3] = quoted(
      text,
      /posturing (\d+) adds (\d+), a non-violent escalation (\d+) adds (\d+), violence (\d+) adds (\d+)/,
    );
    expect([act(0, c1!), act(0, c2!), act(0, c3!)]).toEqual([t1, t2, t3]);
  });

  it('sanctions bite', () => {
    const text = card('Ukrainian, Russian and side-track variables');
    expect(quoted(text, /takes (\d+) points? off the Russian economy every turn/)).toEqual([
      rules.sanctionsBite,
    ]);
  });

  it("the computer's choices: escalation risk, offers, pullbacks and delayed effects", () => {
    const text = card("The computer's choices");
    expect(quoted(text, /× \(tension \+ (\d+)\) ÷ (\d+), in tenths/)).toEqual([
      rules.escalationRiskOffset,
      rules.escalationRiskPer,
    ]);
    expect(quoted(text, /channel health, ÷ (\d+)/)).toEqual([rules.offerValuePer]);
    expect(quoted(text, /credibility × \(100 − tolerance for costs\) ÷ (\d+)/)).toEqual([
      rules.backdownSanctionsPer,
    ]);
    expect(quoted(text, /offers it keeps, framework progress × \(100 − resolve\) ÷ (\d+)/)).toEqual(
      [rules.backdownOffersPer],
    );
    expect(text).toContain(
      `worth ${['nothing', 'a quarter', 'half', 'three quarters', 'all'][rules.delayQuartersLost]} less for each turn it waits`,
    );
  });

  it('the war calculus: the chance of a quick win, sanctions felt, fighting, offers forfeited, the pretext', () => {
    const text = card('The war gates');
    expect(
      quoted(
        text,
        /a point for every ([\d,]+) troops above ([\d,]+), every (\d+) points of readiness above (\d+) and every ([\d,]+) troops in Belarus, less a point for every point of Ukraine's defenses above (\d+), and never above (\d+)%/,
      ),
    ).toEqual([
      rules.quickWinForcesPer * 1000,
      rules.quickWinForcesPivot * 1000,
      rules.quickWinReadinessPer,
      rules.quickWinReadinessPivot,
      rules.quickWinBelarusPer * 1000,
      rules.quickWinUkrainePivot,
      rules.quickWinMax,
    ]);
    expect(rules.quickWinUkrainePer).toBe(1);
    expect(quoted(text, /times (\d+) less its tolerance for costs, in percent/)).toEqual([
      100 + rules.sanctionsFeltAbove,
    ]);
    expect(
      quoted(text, /a point for every (\d+) points of its defenses, times the stage of war/),
    ).toEqual([rules.fightingPer]);
    expect(
      quoted(text, /offers it would forfeit \(framework progress × \(100 − resolve\) ÷ (\d+)/),
    ).toEqual([rules.offersForfeitedPer]);
    expect(quoted(text, /earns (\d+)% of that larger war's value/)).toEqual([rules.pretextShare]);
  });
});

describe('the model card on binding and political offers', () => {
  it('quotes how long political promises hold and what a turn of holding is worth', () => {
    const text = card('Binding and political offers');
    const holds = new Set<number>();
    for (const action of Object.values(sc.actions)) {
      if (action.commitment !== 'political') continue;
      const effects = [...action.effects, ...(action.roll ? action.roll.success : [])];
      for (const e of effects) if ('var' in e && e.holds) holds.add(e.holds);
    }
    expect([...holds]).toEqual(quoted(text, /lapses after (\d+) turns/));
    const quarters = ['nothing', 'a quarter', 'half', 'three quarters', 'all'];
    expect(text).toContain(
      `${quarters[sc.rules.heldQuartersPerTurn]} of its value for each turn it still holds`,
    );
  });
});

describe('the red-line test the card describes', () => {
  const all = ['us', 'eu', 'ukraine', 'russia'];

  function turn(state: GameState, orders: Record<string, string[]>): GameState {
    let next = state;
    for (const role of all) {
      const order: Order = { type: 'orders/submitted', role, actions: orders[role] ?? [] };
      const result = reduce(sc, next, order);
      expect(result.error, `${role}: ${orders[role]?.join(', ')}`).toBeNull();
      next = result.state;
    }
    const ended = reduce(sc, next, { type: 'turn/ended' });
    expect(ended.error).toBeNull();
    return ended.state;
  }

  const redLineChanges = (report: TurnReport) =>
    report.changes.filter(
      (c) => c.cause.rule === 'redLineBroken' || c.cause.rule === 'redLineBacked',
    );

  it('is not set off by escalation short of war, and costs what the card says when war comes unanswered', () => {
    expect(card('Red lines and audience costs')).toMatch(
      /tested only in a turn when Russia climbs a stage of war/,
    );
    let state = createGame(sc, { seed: 'red-line', humans: all });
    // Turn 1: the US draws its red line while Russia attacks Ukraine's grid (class 12, no war).
    state = turn(state, { us: ['us.threatSevereSanctions'], russia: ['russia.cyberGrid'] });
    expect(sc.actions['russia.cyberGrid']!.escalationClass).toBeGreaterThanOrEqual(12);
    expect(state.redLines.map((r) => r.role)).toEqual(['us']);
    expect(redLineChanges(state.reports[0]!)).toEqual([]);
    // Turn 2: Russia crosses into Ukraine and the US answers with nothing costly.
    const ready = thaw(state);
    ready.vars.russianForces = numbers.incursion[0]!;
    ready.vars.readiness = numbers.incursion[1]!;
    state = turn(ready, { russia: ['russia.limitedIncursion'] });
    const broken = redLineChanges(state.reports[1]!);
    expect(broken.map((c) => [c.key, c.delta, c.cause.rule])).toEqual([
      ['deterrenceCredibility', -numbers.audienceCost, 'redLineBroken'],
      ['supportUS', -numbers.audienceCost, 'redLineBroken'],
    ]);
  });
});
