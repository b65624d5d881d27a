// What the shipped scenario must contain for players and teachers (DESIGN §3, issue 2).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TRACKS } from '../../../src/sim';
import { MONTH_NAMES } from '../../../src/sim/calendar';
import { ukraine } from '../../support/scenario';

const sc = ukraine();
const s = sc.scenario;
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const article = normalise(
  readFileSync(
    fileURLToPath(new URL('../../../scenarios/sources/ukraine-2021-article.txt', import.meta.url)),
    'utf8',
  ),
);

describe('the Ukraine 2021 scenario', () => {
  it('has the four playable roles and Belarus played by the computer only', () => {
    const playable = s.roles.filter((r) => r.playable).map((r) => r.id);
    expect(playable).toEqual(['us', 'eu', 'ukraine', 'russia']);
    expect(sc.roles.belarus?.playable).toBe(false);
  });

  it.each(TRACKS)(
    'gives the US at least 8 %s actions and the other playable roles at least 5',
    (track) => {
      for (const role of s.roles.filter((r) => r.playable)) {
        const count = s.actions.filter((a) => a.role === role.id && a.track === track).length;
        expect(count, `${role.id} ${track}`).toBeGreaterThanOrEqual(role.id === 'us' ? 8 : 5);
      }
    },
  );

  it('has at least 12 events, scheduled and conditional, and at least 6 endings', () => {
    expect(s.events.length).toBeGreaterThanOrEqual(12);
    expect(s.events.some((e) => e.turn !== undefined)).toBe(true);
    expect(s.events.some((e) => e.chance !== undefined)).toBe(true);
    expect(s.endings.length).toBeGreaterThanOrEqual(6);
  });

  it('starts on Thursday 30 December 2021 with about 100,000 Russian troops near Ukraine', () => {
    expect(s.startDate).toBe('2021-12-30');
    expect(sc.variables.russianForces?.initial).toBe(100);
    expect(article).toContain('estimated 100,000');
  });

  it('quotes the article word for word wherever a briefing paragraph cites it', () => {
    let quotes = 0;
    for (const section of s.briefing) {
      for (const paragraph of section.paragraphs) {
        expect(paragraph.sources.length, paragraph.text).toBeGreaterThan(0);
        for (const source of paragraph.sources) {
          if (source.kind !== 'article') continue;
          quotes++;
          expect(article, `quote not in the article: ${source.quote}`).toContain(
            normalise(source.quote!),
          );
        }
      }
    }
    expect(quotes).toBeGreaterThanOrEqual(5);
  });

  it('opens with a briefing that cites nothing published after 30 December 2021', () => {
    for (const section of s.briefing) {
      for (const paragraph of section.paragraphs) {
        for (const source of paragraph.sources) {
          // An article quote comes from the seed article of 30 December 2021 (checked above).
          if (source.kind === 'article') continue;
          const cited = `${source.reference ?? ''} ${source.url ?? ''}`;
          for (const year of cited.match(/\b(?:19|20)\d\d\b/g) ?? []) {
            expect(Number(year), `a briefing source from ${year}: ${cited}`).toBeLessThanOrEqual(
              2021,
            );
          }
          for (const [, day, month] of cited.matchAll(/\b(\d{1,2}) (\w{3})\w* 2021\b/g)) {
            const date = new Date(Date.UTC(2021, MONTH_NAMES.indexOf(month!), Number(day)));
            expect(
              date.getTime(),
              `a briefing source dated ${day} ${month} 2021`,
            ).toBeLessThanOrEqual(Date.UTC(2021, 11, 30));
          }
        }
      }
    }
  });

  it('gives every event a source, or says that it is a counterfactual and what did not happen', () => {
    for (const event of s.events) {
      expect(event.source, event.id).toBeDefined();
      const source = event.source!;
      if (source.kind === 'article') {
        expect(article, event.id).toContain(normalise(source.quote!));
      } else if (source.kind === 'counterfactual') {
        expect(source.reference, event.id).toMatch(/Plausible:/);
        expect(source.reference, event.id).toMatch(/Did not happen:/);
      } else {
        expect(source.url ?? source.reference, event.id).toMatch(/https?:\/\//);
      }
    }
    const counterfactual = s.events.filter((e) => e.source?.kind === 'counterfactual');
    expect(counterfactual.map((e) => e.id).sort()).toEqual([
      'gridCyberattack',
      'nuclearDeploymentBelarus',
    ]);
  });

  // Scheduled events against the real timeline: each falls in the week that holds its date.
  it.each([
    ['genevaDialogue', '2022-01-10'],
    ['nrcMeeting', '2022-01-12'],
    ['oscePermanentCouncil', '2022-01-13'],
    ['forcesArriveBelarus', '2022-01-17'],
    ['moreBattalionGroups', '2022-02-05'],
    ['unionResolve', '2022-02-10'],
    ['bidenAddress', '2022-02-15'],
    ['munichConference', '2022-02-19'],
  ])('schedules %s in the week of %s', (id, date) => {
    const days = (Date.parse(date) - Date.parse(s.startDate)) / 86_400_000;
    expect(sc.events[id]?.turn).toBe(Math.floor(days / s.daysPerTurn) + 1);
  });

  it('cites published sources, never notes that do not ship with the game', () => {
    const citations = [
      ...s.briefing.flatMap((b) => b.paragraphs.flatMap((p) => p.sources.map((x) => x.reference))),
      ...s.events.map((e) => e.source?.reference),
      ...s.modelCard.flatMap((m) => m.sources),
      ...s.whatHappened.map((w) => w.source),
    ].filter((c): c is string => c !== undefined);
    for (const citation of citations) {
      expect(citation).not.toMatch(/Crisis research|DESIGN\.md|§/);
    }
  });

  it('has a glossary, discussion questions, the real timeline and a model card', () => {
    expect(s.glossary.length).toBeGreaterThanOrEqual(30);
    expect(s.discussionQuestions.length).toBeGreaterThanOrEqual(12);
    expect(s.whatHappened.length).toBeGreaterThanOrEqual(15);
    expect(s.whatHappened.some((e) => e.date === '2022-02-24')).toBe(true);
    expect(s.modelCard.length).toBeGreaterThanOrEqual(8);
  });

  it('gives every action a Goldstein weight and an escalation class', () => {
    for (const a of s.actions) {
      expect(a.goldstein).toBeGreaterThanOrEqual(-10);
      expect(a.goldstein).toBeLessThanOrEqual(10);
      expect([-2, 0, 4, 12, 28, 60]).toContain(a.escalationClass);
    }
  });
});
