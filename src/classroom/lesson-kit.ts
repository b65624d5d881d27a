// The lesson kit of the teacher pack, from the scenario's `lessonKit` block: the teacher's plan
// (objectives, preparation, run sheet), the core questions with notes on where the evidence is in
// the game, the quiz for students and, on its own page, its answer key, a private brief for each
// team, and the bibliography. Each part starts a printed page, so it can be handed out alone.
import type { BibliographyEntry, CompiledScenario, LessonKit } from '../sim';
import { dataTable, el, kicker, sourceLink } from './dom';

const LETTERS = 'ABCDEFGH';

function page(className: string, id: string, ...children: (HTMLElement | null)[]): HTMLElement {
  return el('section', { class: `${className} kit-page new-page`, id }, ...children);
}

function list(tag: 'ul' | 'ol', items: readonly string[], className?: string): HTMLElement {
  return el(tag, className ? { class: className } : null, ...items.map((i) => el('li', null, i)));
}

function plan(kit: LessonKit): HTMLElement {
  const rows = kit.runSheet.map((s) =>
    el(
      'tr',
      null,
      el('th', { class: 'minutes', attrs: { scope: 'row' } }, `${s.start}–${s.end}`),
      el('td', null, el('strong', null, s.step)),
      el('td', null, s.teacher),
      el('td', null, s.students),
    ),
  );
  return page(
    'kit-plan',
    'lesson-plan',
    kicker('Lesson kit — for the teacher'),
    el('h2', null, `A ${kit.minutes}-minute lesson`),
    el('p', { class: 'lead' }, kit.audience),
    el('h3', null, 'Learning objectives'),
    el('p', null, 'By the end of the lesson, students can:'),
    list('ol', kit.objectives, 'objectives-list'),
    el('h3', null, 'Before the lesson'),
    list('ul', kit.preparation),
    el('h3', null, 'Run sheet'),
    dataTable('run-sheet', ['Minutes', 'Step', 'The teacher', 'The students'], rows),
  );
}

function coreQuestions(kit: LessonKit): HTMLElement {
  const items = kit.coreQuestions.map((q) =>
    el(
      'li',
      { class: 'core-question' },
      el('p', { class: 'question' }, q.question),
      el('p', { class: 'notes' }, el('strong', null, 'Teacher’s notes. '), q.notes),
      el('p', { class: 'evidence-head' }, 'Evidence in the game:'),
      list('ul', q.evidence, 'evidence'),
    ),
  );
  return page(
    'kit-questions',
    'core-questions',
    kicker('Lesson kit — for the teacher'),
    el('h2', null, 'Core questions for the debrief'),
    el(
      'p',
      null,
      'Ask two or three in class and keep the rest for homework. Each points to where the game keeps the evidence, so answers rest on what happened in the group’s own game.',
    ),
    el('ol', { class: 'core-questions' }, ...items),
  );
}

function quiz(kit: LessonKit): HTMLElement {
  const items = kit.quiz.map((q) =>
    el(
      'li',
      { class: 'quiz-item' },
      el('p', { class: 'question' }, q.question),
      el(
        'ul',
        { class: 'choices' },
        ...q.choices.map((choice, i) =>
          el(
            'li',
            null,
            el('span', { class: 'box', attrs: { 'aria-hidden': 'true' } }, '☐ '),
            el('strong', { class: 'letter' }, `${LETTERS[i]}.`),
            ` ${choice}`,
          ),
        ),
      ),
    ),
  );
  return page(
    'kit-quiz',
    'quiz',
    kicker('Quiz — before and after the lesson'),
    el('h2', null, 'What do you know about the crisis of winter 2021–22?'),
    el(
      'p',
      { class: 'name-line' },
      'Name: ______________________________   ☐ before the lesson   ☐ after the lesson',
    ),
    el('p', null, 'Tick one answer for each question.'),
    el('ol', { class: 'quiz' }, ...items),
  );
}

function answerKey(kit: LessonKit): HTMLElement {
  const items = kit.quiz.map((q) =>
    el(
      'li',
      null,
      el('strong', null, `${LETTERS[q.answer]} — ${q.choices[q.answer] ?? ''}. `),
      q.explanation,
    ),
  );
  return page(
    'kit-answers',
    'quiz-answers',
    kicker('Quiz answer key — for the teacher only'),
    el('h2', null, 'Quiz: answers'),
    el(
      'p',
      null,
      'Compare each student’s answers before and after the lesson: the questions are the same.',
    ),
    el('ol', { class: 'answer-key' }, ...items),
  );
}

function roleBriefs(sc: CompiledScenario, kit: LessonKit): HTMLElement[] {
  return kit.roleBriefs.map((brief) => {
    const role = sc.roles[brief.role];
    const name = role?.name ?? brief.role;
    const section = page(
      'role-brief',
      `brief-${brief.role}`,
      kicker(`Private brief — for the ${name} team only`),
      el('h2', null, name),
      role ? el('p', { class: 'leader' }, `You advise: ${role.leader}`) : null,
      ...brief.paragraphs.map((p) => el('p', null, p)),
      el('h3', null, 'What you want'),
      list('ul', brief.aims),
      brief.watch.length ? el('h3', null, 'Think about') : null,
      brief.watch.length ? list('ul', brief.watch) : null,
      el(
        'p',
        { class: 'keep-private' },
        'Keep this page within your team. Your role card gives your objectives and how they are scored.',
      ),
      brief.sources.length ? el('h3', { class: 'sources-head' }, 'Sources') : null,
      brief.sources.length ? list('ul', brief.sources, 'sources') : null,
    );
    section.dataset.role = brief.role;
    return section;
  });
}

function reference(entry: BibliographyEntry): HTMLElement {
  return el(
    'li',
    null,
    `${entry.authors} (${entry.year}). `,
    el('cite', null, entry.title),
    `. ${entry.publishedIn}.`,
    entry.url ? ' ' : null,
    entry.url ? sourceLink(entry.url) : null,
    entry.note ? el('span', { class: 'detail' }, entry.note) : null,
  );
}

function bibliography(kit: LessonKit): HTMLElement {
  return page(
    'kit-bibliography',
    'bibliography',
    kicker('Lesson kit — further reading'),
    el('h2', null, 'Bibliography'),
    el(
      'p',
      null,
      'Full references for the sources the game, its briefing and this kit draw on. Titles in square brackets describe a news report whose own headline is not given.',
    ),
    ...kit.bibliography.flatMap((part) => [
      el('h3', null, part.heading),
      el('ul', { class: 'bibliography' }, ...part.entries.map(reference)),
    ]),
  );
}

/** The whole kit, one page per part; empty when the scenario has none. */
export function lessonKit(sc: CompiledScenario): HTMLElement {
  const kit = sc.scenario.lessonKit;
  const article = el('article', { class: 'lesson-kit', id: 'lesson-kit' });
  if (!kit) return article;
  article.append(
    plan(kit),
    coreQuestions(kit),
    quiz(kit),
    answerKey(kit),
    ...roleBriefs(sc, kit),
    bibliography(kit),
  );
  return article;
}
