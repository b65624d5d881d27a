// What-if switches in the classroom pages, in real Chromium: the class view shows each game's
// setting beside a game played as modelled, compares games of one seed only under one setting,
// counts the switched games, and words a class-code difference in switches; the printed report
// names a game's setting near the top, and the teacher pack explains every switch.
import { expect, test } from '@playwright/test';
import {
  loadCore,
  screenshot,
  writeRecords,
  type Core,
  type NamedRecord,
} from './classroom-support';
import type { GameRecord, Policies, WhatIfChoice } from '../../src/sim';

const SET_ON_WAR = "Russia's resolve: Set on war (60–95)";

function playUnder(core: Core, seed: string, policies: Policies, choice: WhatIfChoice): GameRecord {
  const variant = core.sim.whatIfVariant(core.sc, choice);
  if (!variant.ok) throw new Error(variant.errors[0]!.message);
  const game = core.sim.playGame(variant.value, seed, policies);
  return core.sim.recordOf(variant.value, game, core.sim.hashState(game.state));
}

function games(core: Core): NamedRecord[] {
  const modelled = {};
  const war = { resolve: 'setOnWar' };
  return [
    { name: 'Team Red.json', record: playUnder(core, 'lesson-3', { us: 'hawk' }, modelled) },
    { name: 'Team Blue.json', record: playUnder(core, 'lesson-3', { us: 'dove' }, modelled) },
    {
      name: 'Team Gold (set on war).json',
      record: playUnder(core, 'lesson-3', { us: 'hawk' }, war),
    },
    {
      name: 'Team Green (set on war).json',
      record: playUnder(core, 'lesson-3', { us: 'dove' }, war),
    },
  ];
}

test('the class view shows a switched game beside an as-modelled one, and keeps them apart', async ({
  page,
}, testInfo) => {
  const core = await loadCore();
  const paths = writeRecords(testInfo.outputPath('records'), games(core));
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/class.html');
  await page.locator('#record-files').setInputFiles(paths);
  const rows = page.locator('#groups-table tbody tr');
  await expect(rows).toHaveCount(4);

  await expect(page.locator('#groups-table thead th').nth(3)).toHaveText('What-if setting');
  await expect(rows.locator('td.setting')).toHaveText([
    'as modelled',
    'as modelled',
    SET_ON_WAR,
    SET_ON_WAR,
  ]);
  for (let i = 0; i < 4; i++) await expect(rows.nth(i)).toHaveAttribute('data-status', 'matches');
  await expect(page.locator('.summary')).toContainText(
    `2 were played under what-if switches — ${SET_ON_WAR} — and the others as modelled: a game under other switches is played by other rules, so compare its ending with care.`,
  );

  // One seed, two settings: two groups, each named by its setting, and a note saying why.
  await expect(page.locator('.seed-group h3')).toHaveText([
    'Seed “lesson-3” — 2 games',
    'Seed “lesson-3” — 2 games under what-if switches',
  ]);
  await expect(page.locator('.seed-group .setting-line')).toHaveText([
    'What-if setting: as modelled',
    `What-if setting: ${SET_ON_WAR}`,
  ]);
  await expect(page.locator('.setting-note')).toContainText(
    'Played under more than one what-if setting: seed “lesson-3”.',
  );
  const partners = page.locator('.seed-group table.partings tbody tr td.group');
  await expect(partners).toHaveText(
    [
      'Team Blue.json',
      'Team Red.json',
      'Team Green (set on war).json',
      'Team Gold (set on war).json',
    ].map((n) => n),
  );

  // The class played as modelled: the switched games are flagged, in words.
  await page.locator('#class-code').fill(`ukraine-2021@${core.sc.scenario.version}:lesson-3:0`);
  await page.locator('#apply-class-code').click();
  const check = rows.locator('td.class-check');
  await expect(check).toHaveText([
    '✔ as the class code',
    '✔ as the class code',
    `⚠ what-if setting ${SET_ON_WAR} (the class's is as modelled)`,
    `⚠ what-if setting ${SET_ON_WAR} (the class's is as modelled)`,
  ]);
  await expect(rows.nth(2)).toHaveAttribute('data-flagged', '');
  await expect(rows.nth(0)).not.toHaveAttribute('data-flagged', '');
  await page.locator('#groups-heading').evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'classroom-what-if', false);
  // The chart's legend names the setting of a switched game (the endings depend on the model).
  const legend = page.locator('.legend-note');
  await expect(legend).toHaveCount(4);
  for (const i of [0, 1]) await expect(legend.nth(i)).not.toContainText('what-if');
  for (const i of [2, 3]) await expect(legend.nth(i)).toContainText(`; what-if: ${SET_ON_WAR}`);
  await page.locator('#divergence-heading').evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'classroom-what-if-groups', false);
});

test('the report names a game’s setting and the teacher pack explains every switch', async ({
  page,
}, testInfo) => {
  const core = await loadCore();
  const [war] = writeRecords(testInfo.outputPath('records'), games(core).slice(2, 3));
  await page.goto('/print.html');
  const pack = page.locator('#what-if-switches');
  await expect(pack.getByRole('heading', { name: 'What-if switches', level: 2 })).toBeVisible();
  const switches = core.sc.scenario.whatIfs ?? [];
  await expect(pack.locator('.what-if h3')).toHaveText(switches.map((w) => w.name));
  await expect(pack).toContainText('Set the switches on the title screen before a new game.');
  await expect(pack).toContainText('part of the class code');
  const resolve = pack.locator('[data-switch="resolve"]');
  await expect(resolve).toContainText('Fearon');
  await expect(resolve.locator('tbody th')).toHaveText([
    'As modelled (28–88)',
    'Set on war (60–95)',
    'Coercion, not war (10–60)',
  ]);
  await expect(resolve.locator('tbody td.mono')).toHaveText([
    '—',
    'resolve=setOnWar',
    'resolve=coercion',
  ]);
  await pack.scrollIntoViewIfNeeded();
  await screenshot(page, 'print-what-if-switches', false);

  await page.locator('#report-file').setInputFiles([war!]);
  const facts = page.locator('article.report dl.facts');
  await expect(facts).toContainText(`What-if setting${SET_ON_WAR}`);
  await expect(facts.locator('dt').nth(1)).toHaveText('What-if setting');
  await expect(page.locator('article.report')).not.toContainText('cannot be reported');
});
