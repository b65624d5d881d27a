// Every shipped scenario has a balance test file for each of its playable roles (named
// `<role>.test.ts` for Ukraine, `<scenario prefix>-<role>.test.ts` for the others).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { SHIPPED_IDS, shipped } from '../support/shipped';

const files = readdirSync(fileURLToPath(new URL('.', import.meta.url)));

it.each(SHIPPED_IDS)('%s has a balance test for every playable role', (id) => {
  const prefix = id === 'ukraine-2021' ? '' : `${id.split('-')[0]}-`;
  const missing = shipped(id)
    .scenario.roles.filter((r) => r.playable)
    .map((r) => `${prefix}${r.id}.test.ts`)
    .filter((f) => !files.includes(f));
  expect(missing).toEqual([]);
});
