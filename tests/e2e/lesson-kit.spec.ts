// The lesson kit in the teacher pack (print.html), in real Chromium: the plan with its objectives
// and run sheet, the core questions with teacher notes and evidence, the quiz without answers and
// the answer key on its own page, a private brief per playable role, and a bibliography whose
// addresses are links. In print media every part starts a page, and the whole pack prints to PDF.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { CompiledScenario, LessonKit } from '../../src/sim';
import { loadCore, SCREENS_DIR } from './classroom-support';

let sc: CompiledScenario;
let kit: LessonKit;

test.beforeAll(async () => {
  ({ sc } = await loadCore());
  kit = sc.scenario.lessonKit!;
  expect(kit, 'the scenario has a lesson kit').toBeDefined();
});

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

test('the teacher pack holds every part of the 45-minute lesson kit, and it prints', async ({
  page,
}) => {
  await page.goto('/print.html');
  const plan = page.locator('#lesson-plan');
  await expect(plan.getByRole('heading', { level: 2 })).toHaveText(
    `A ${kit.minutes}-minute lesson`,
  );
  await expect(plan.locator('ol.objectives-list > li')).toHaveCount(kit.objectives.length);
  const steps = plan.locator('table.run-sheet tbody tr');
  await expect(steps).toHaveCount(kit.runSheet.length);
  await expect(steps.first()).toContainText('0–5');
  await expect(steps.last()).toContainText(`–${kit.minutes}`);
  for (const [i, step] of kit.runSheet.entries()) {
    await expect(steps.nth(i)).toContainText(step.step);
  }

  const questions = page.locator('#core-questions li.core-question');
  await expect(questions).toHaveCount(kit.coreQuestions.length);
  for (const [i, q] of kit.coreQuestions.entries()) {
    await expect(questions.nth(i)).toContainText(q.question);
    await expect(questions.nth(i)).toContainText('Teacher’s notes');
    await expect(questions.nth(i).locator('ul.evidence > li')).toHaveCount(q.evidence.length);
  }

  const quiz = page.locator('#quiz');
  await expect(quiz.locator('li.quiz-item')).toHaveCount(5);
  for (const [i, item] of kit.quiz.entries()) {
    await expect(quiz.locator('li.quiz-item').nth(i).locator('ul.choices > li')).toHaveCount(
      item.choices.length,
    );
    // The students' page never gives the answer away.
    await expect(quiz).not.toContainText(item.explanation);
  }
  const answers = page.locator('#quiz-answers');
  await expect(answers).toContainText('for the teacher only');
  await expect(answers.locator('ol.answer-key > li')).toHaveCount(kit.quiz.length);
  for (const [i, item] of kit.quiz.entries()) {
    await expect(answers.locator('ol.answer-key > li').nth(i)).toContainText(
      `${'ABCDEFGH'[item.answer]} — ${item.choices[item.answer]}`,
    );
  }

  const playable = sc.scenario.roles.filter((r) => r.playable);
  await expect(page.locator('section.role-brief')).toHaveCount(playable.length);
  for (const role of playable) {
    const brief = page.locator(`section.role-brief[data-role="${role.id}"]`);
    await expect(brief.getByRole('heading', { level: 2 })).toHaveText(role.name);
    await expect(brief).toContainText(`for the ${role.name} team only`);
    await expect(brief).toContainText('What you want');
  }

  const bibliography = page.locator('#bibliography');
  const entries = kit.bibliography.flatMap((part) => part.entries);
  await expect(bibliography.locator('ul.bibliography > li')).toHaveCount(entries.length);
  await expect(bibliography.locator('a.url')).toHaveCount(entries.filter((e) => e.url).length);
  for (const entry of entries.filter((e) => e.url)) {
    await expect(bibliography.locator(`a.url[href="${new URL(entry.url!).href}"]`)).toHaveCount(1);
  }
  await expect(bibliography).not.toContainText('Crisis research');
  await screenshot(page, 'lesson-kit-screen');
  await page.locator('#lesson-plan').screenshot({ path: join(SCREENS_DIR, 'lesson-kit-plan.png') });
  await page.locator('#quiz').screenshot({ path: join(SCREENS_DIR, 'lesson-kit-quiz.png') });
  await page
    .locator('section.role-brief[data-role="russia"]')
    .screenshot({ path: join(SCREENS_DIR, 'lesson-kit-brief-russia.png') });

  // The kit has its own box in "What to print".
  const box = page.locator('#include-lesson');
  await expect(page.locator('label[for="include-lesson"]')).toContainText('Lesson kit');
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect(page.locator('#lesson-kit')).toBeHidden();
  await box.check();
  await expect(page.locator('#lesson-kit')).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  const breaks = await page
    .locator('#lesson-kit .kit-page')
    .evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).breakBefore));
  expect(breaks).toEqual(breaks.map(() => 'page'));
  expect(breaks.length).toBe(4 + playable.length + 1);
  await screenshot(page, 'lesson-kit-print');
  const pdf = join(SCREENS_DIR, 'lesson-kit.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const pages = readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(breaks.length);
});
