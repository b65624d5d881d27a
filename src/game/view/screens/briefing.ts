// The briefing: the situation on the scenario's start date, the role's goals and what it can do.
import { formatDate, describeVictoryRule } from '../../../sim';
import type { GameController } from '../../controller';
import type { PlainModel, Section } from '../model';
import { helpGroup } from './common';

export function briefingScreen(c: GameController): PlainModel {
  const s = c.sc.scenario;
  const role = c.sc.roles[c.ui.role]!;
  const sections: Section[] = s.briefing.map((b, i) => ({
    id: `briefing-${i}`,
    heading: b.heading,
    lines: b.paragraphs.flatMap((p) => [
      p.text,
      ...p.sources.map((src) =>
        src.kind === 'article'
          ? `Source: AP, 30 Dec 2021 — “${src.quote}”`
          : `Source: ${src.reference ?? ''}`,
      ),
    ]),
  }));
  sections.push({
    id: 'objectives',
    heading: `Your objectives as ${role.name}`,
    lines: [
      role.briefing,
      ...role.objectives.map((o) => `${o.text.replace(/\.$/, '')} (weight ${o.weight}).`),
      describeVictoryRule(c.sc, role.id),
    ],
  });
  return {
    screen: 'briefing',
    title: 'Briefing',
    subtitle: `${role.name} · ${formatDate(s.startDate)}`,
    sections,
    groups: [
      {
        id: 'briefing',
        heading: 'Ready?',
        controls: [
          { id: 'begin', label: 'Enter the crisis room', key: 'Enter', run: () => c.beginCrisis() },
        ],
      },
      helpGroup(c),
    ],
  };
}
