// What must hold for every shipped scenario, not only the first: it validates with no errors and
// no warnings it does not expect, it gives every rule with a reason, its lesson kit fills the
// lesson and briefs exactly the playable roles, its briefing, events, glossary and model card cite
// published sources, and its teaching material is prose outside the content hash. Ukraine's own
// facts (its dates, its article) stay in content.test.ts and lesson-kit.test.ts.
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/sim/scenario/rules';
import { scenarioHash } from '../../../src/sim/scenario/content-hash';
import { validateScenario } from '../../../src/sim/scenario/validate';
import { formatFaults } from '../../../src/sim';
import { SHIPPED_IDS, shipped, shippedText } from '../support/shipped';

const INTERNAL_NOTES = /Crisis research|DESIGN\.md|§|\.\.\/shared|reference\/cuba/;

it('ships Ukraine 2021 and Cuba 1962', () => {
  expect(SHIPPED_IDS).toEqual(expect.arrayContaining(['ukraine-2021', 'cuba-1962']));
});

describe.each(SHIPPED_IDS)('the shipped scenario %s', (id) => {
  const sc = shipped(id);
  const s = sc.scenario;

  it('validates with no errors, and its file name is its id', () => {
    const result = validateScenario(JSON.parse(shippedText(id)));
    expect(result.ok ? [] : formatFaults(result.errors).split('\n')).toEqual([]);
    expect(s.id).toBe(id);
  });

  it('gives every rule, each with a rationale', () => {
    const rules = s.rules!;
    expect(Object.keys(rules).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of RULE_IDS) expect(rules[rule]!.rationale.length, rule).toBeGreaterThan(20);
  });

  it('has a lesson kit that fills the lesson without gaps and briefs every playable role only', () => {
    const kit = s.lessonKit!;
    expect(kit.runSheet[0]!.start).toBe(0);
    for (let i = 1; i < kit.runSheet.length; i++)
      expect(kit.runSheet[i]!.start, kit.runSheet[i]!.step).toBe(kit.runSheet[i - 1]!.end);
    expect(kit.runSheet.at(-1)!.end).toBe(kit.minutes);
    expect(kit.objectives.length).toBeGreaterThanOrEqual(3);
    expect(kit.coreQuestions).toHaveLength(5);
    for (const q of kit.coreQuestions) expect(q.evidence.length, q.question).toBeGreaterThan(0);
    expect(kit.quiz).toHaveLength(5);
    const playable = s.roles.filter((r) => r.playable).map((r) => r.id);
    expect(kit.roleBriefs.map((b) => b.role).sort()).toEqual([...playable].sort());
  });

  it('gives full references in its lesson kit', () => {
    for (const part of s.lessonKit!.bibliography) {
      for (const entry of part.entries) {
        expect(entry.year, entry.title).toMatch(/^(\d{4}(, \d{1,2} \w+)?|n\.d\.)$/);
        expect(entry.url ?? 'https://', entry.title).toMatch(/^https?:\/\//);
      }
    }
  });

  it('cites a source for every briefing paragraph and event, never an internal note', () => {
    for (const section of s.briefing) {
      for (const paragraph of section.paragraphs)
        expect(paragraph.sources.length, paragraph.text).toBeGreaterThan(0);
    }
    for (const event of s.events) {
      const source = event.source;
      expect(source, event.id).toBeDefined();
      if (source!.kind === 'counterfactual') {
        expect(source!.reference, event.id).toMatch(/^Plausible\b[^:.]*:/);
        expect(source!.reference, event.id).toMatch(/\b[Dd]id not happen:/);
      } else if (source!.kind !== 'article') {
        expect(source!.url ?? source!.reference, event.id).toMatch(/https?:\/\/|\w+\.\w+/);
      }
    }
    const citations = [
      ...s.briefing.flatMap((b) => b.paragraphs.flatMap((p) => p.sources.map((x) => x.reference))),
      ...s.events.map((e) => e.source?.reference),
      ...s.modelCard.flatMap((m) => m.sources),
      ...s.whatHappened.map((w) => w.source),
    ].filter((c): c is string => c !== undefined);
    for (const citation of citations) expect(citation).not.toMatch(INTERNAL_NOTES);
    expect(JSON.stringify(s.lessonKit)).not.toMatch(INTERNAL_NOTES);
  });

  it('has a glossary of distinct terms, discussion questions, the real timeline and a model card', () => {
    expect(s.glossary.length).toBeGreaterThanOrEqual(30);
    const terms = s.glossary.map((g) => g.term.toLowerCase());
    expect(new Set(terms).size).toBe(terms.length);
    expect(s.discussionQuestions.length).toBeGreaterThanOrEqual(12);
    expect(s.whatHappened.length).toBeGreaterThanOrEqual(15);
    expect(s.modelCard.length).toBeGreaterThanOrEqual(8);
    for (const entry of s.modelCard)
      expect(entry.explanation.length, entry.subject).toBeGreaterThan(40);
  });

  it('keeps its teaching material out of the content hash', () => {
    const data = structuredClone(s);
    data.lessonKit!.quiz[0]!.question += ' (edited)';
    data.glossary[0]!.definition += ' (edited)';
    data.modelCard[0]!.explanation += ' (edited)';
    expect(scenarioHash(data)).toBe(sc.hash);
  });

  it('publishes its calibration in the model card, with the date it was measured', () => {
    if (!s.calibration) return;
    const card = s.modelCard.find((m) => m.subject === 'Calibration against history');
    expect(card!.explanation).toMatch(/^Measured on \d{1,2} \w+ 20\d\d for version /);
    expect(card!.explanation).toContain(`version ${s.version}`);
  });
});
