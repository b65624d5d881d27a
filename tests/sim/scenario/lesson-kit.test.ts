// The lesson kit a teacher prints: complete in the shipped scenario, outside the content hash, and
// refused with a path and a reason when a brief, an answer or the run sheet is wrong.
import { describe, expect, it } from 'vitest';
import type { LessonKit } from '../../../src/sim';
import { scenarioHash } from '../../../src/sim/scenario/content-hash';
import { validateScenario } from '../../../src/sim/scenario/validate';
import { scenarioData, ukraine } from '../../support/scenario';

const sc = ukraine();
const kit = sc.scenario.lessonKit!;

/** The shipped scenario as data, with its kit changed by `change`. */
function withKit(change: (kit: LessonKit) => void): unknown {
  const data = scenarioData() as { lessonKit: LessonKit };
  change(data.lessonKit);
  return data;
}

function errors(data: unknown): { path: string; message: string }[] {
  const result = validateScenario(data);
  return result.ok ? [] : result.errors.map((e) => ({ path: e.path, message: e.message }));
}

describe('the shipped lesson kit', () => {
  it('plans 45 minutes: 5 of briefing, six turns by minute 30, then 15 of debrief', () => {
    expect(kit.minutes).toBe(45);
    expect(kit.runSheet[0]).toMatchObject({ start: 0, end: 5, step: 'Briefing' });
    const play = kit.runSheet.filter((s) => /^Turn/.test(s.step));
    expect(play.at(-1)!.step).toMatch(/6/);
    expect(play.at(-1)!.end).toBe(30);
    const debrief = kit.runSheet.filter((s) => s.start >= 30);
    expect(debrief.every((s) => /debrief|happened/i.test(s.step))).toBe(true);
    expect(kit.runSheet.at(-1)!.end).toBe(45);
  });

  it('has learning objectives, five core questions with evidence, and a five-item quiz', () => {
    expect(kit.objectives.length).toBeGreaterThanOrEqual(3);
    expect(kit.coreQuestions).toHaveLength(5);
    for (const q of kit.coreQuestions) expect(q.evidence.length, q.question).toBeGreaterThan(0);
    expect(kit.quiz).toHaveLength(5);
  });

  it('briefs every playable role, and only those', () => {
    const playable = sc.scenario.roles.filter((r) => r.playable).map((r) => r.id);
    expect(kit.roleBriefs.map((b) => b.role).sort()).toEqual([...playable].sort());
  });

  it('gives full references, never internal notes', () => {
    for (const part of kit.bibliography) {
      for (const entry of part.entries) {
        expect(entry.year, entry.title).toMatch(/^(\d{4}(, \d{1,2} \w+)?|n\.d\.)$/);
        expect(entry.url ?? 'https://', entry.title).toMatch(/^https?:\/\//);
      }
    }
    expect(JSON.stringify(kit)).not.toMatch(/Crisis research|DESIGN\.md|§/);
  });

  it('is prose: it does not count in the scenario hash', () => {
    const data = structuredClone(sc.scenario);
    delete data.lessonKit;
    expect(scenarioHash(data)).toBe(sc.hash);
  });
});

describe('a broken lesson kit', () => {
  it('names a brief for a role that is not there, or not playable, or missing', () => {
    expect(
      errors(
        withKit((k) => {
          k.roleBriefs[0]!.role = 'usa';
        }),
      ),
    ).toEqual(
      expect.arrayContaining([
        { path: 'lessonKit.roleBriefs[0].role', message: expect.stringMatching(/"usa".*"us"/) },
        { path: 'lessonKit.roleBriefs', message: expect.stringContaining('no brief for') },
      ]),
    );
    expect(
      errors(
        withKit((k) => {
          k.roleBriefs[0]!.role = 'belarus';
        }),
      ),
    ).toContainEqual({
      path: 'lessonKit.roleBriefs[0].role',
      message: expect.stringContaining('played by the computer only'),
    });
  });

  it('names a quiz answer that is not one of the choices', () => {
    expect(
      errors(
        withKit((k) => {
          k.quiz[2]!.answer = 4;
        }),
      ),
    ).toContainEqual({
      path: 'lessonKit.quiz[2].answer',
      message: 'is choice 4 counting from 0, but the question has 4 choices',
    });
  });

  it('names a run sheet with a gap, or one that does not fill the lesson', () => {
    const gap = errors(
      withKit((k) => {
        k.runSheet[1]!.start = 6;
      }),
    );
    expect(gap).toContainEqual({
      path: 'lessonKit.runSheet[1].start',
      message: 'starts at minute 6, but the step before ends at 5',
    });
    const short = errors(
      withKit((k) => {
        k.minutes = 50;
      }),
    );
    expect(short).toContainEqual({
      path: 'lessonKit.runSheet',
      message: 'ends at minute 45, but the lesson lasts 50',
    });
  });

  it('names a missing part by its path', () => {
    expect(
      errors(
        withKit((k) => {
          delete (k as Partial<LessonKit>).quiz;
        }),
      ),
    ).toContainEqual({ path: 'lessonKit.quiz', message: 'is required but missing' });
  });
});
