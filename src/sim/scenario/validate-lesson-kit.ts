// Checks a scenario's `lessonKit`, the 45-minute lesson printed in the teacher pack. It is prose,
// outside the content hash, but a teacher hands it out as it stands: every brief must name a
// playable role and every playable role must have one, every quiz answer must be one of its
// choices, and the run sheet must run in order from minute 0 to the end of the lesson. (Its shape
// is in schema.ts.)
import type { Role, Scenario } from './types';

/** What the meaning pass needs from the validator's context. */
export interface KitContext {
  readonly scenario: Pick<Scenario, 'lessonKit'>;
  readonly faults: { error(path: string, message: string): void };
  readonly roles: ReadonlyMap<string, Role>;
}

/** Helpers of validate.ts: JSON paths, quoting and "did you mean". */
export interface KitHelpers {
  at(path: string, key: string | number): string;
  quote(text: string): string;
  didYouMean(name: string, candidates: Iterable<string>): string;
}

/** Pass 2: the kit's references and order, on a block whose shape is right. */
export function checkLessonKit(ctx: KitContext, h: KitHelpers): void {
  const kit = ctx.scenario.lessonKit;
  if (!kit) return;
  const error = (at: string, message: string) => ctx.faults.error(at, message);
  const path = 'lessonKit';

  let minute = 0;
  kit.runSheet.forEach((step, i) => {
    const at = h.at(h.at(path, 'runSheet'), i);
    if (step.start !== minute) {
      error(
        h.at(at, 'start'),
        `starts at minute ${step.start}, but the step before ends at ${minute}`,
      );
    }
    if (step.end <= step.start) {
      error(h.at(at, 'end'), `ends at minute ${step.end}, which is not after its start`);
    }
    minute = step.end;
  });
  if (minute !== kit.minutes) {
    error(h.at(path, 'runSheet'), `ends at minute ${minute}, but the lesson lasts ${kit.minutes}`);
  }

  kit.quiz.forEach((item, i) => {
    if (item.answer >= item.choices.length) {
      error(
        h.at(h.at(h.at(path, 'quiz'), i), 'answer'),
        `is choice ${item.answer} counting from 0, but the question has ${item.choices.length} choices`,
      );
    }
  });

  const briefed = new Set<string>();
  kit.roleBriefs.forEach((brief, i) => {
    const at = h.at(h.at(h.at(path, 'roleBriefs'), i), 'role');
    const role = ctx.roles.get(brief.role);
    if (!role) {
      error(
        at,
        `no role is called ${h.quote(brief.role)}${h.didYouMean(brief.role, ctx.roles.keys())}`,
      );
    } else if (!role.playable) {
      error(at, `${role.name} is played by the computer only: no team gets this brief`);
    } else if (briefed.has(role.id)) {
      error(at, `${role.name} has a brief already`);
    }
    briefed.add(brief.role);
  });
  for (const role of ctx.roles.values()) {
    if (role.playable && !briefed.has(role.id)) {
      error(h.at(path, 'roleBriefs'), `has no brief for ${role.name}, a role teams can play`);
    }
  }
}
