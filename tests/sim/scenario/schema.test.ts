// The published JSON Schema is generated from the one description of a scenario's shape
// (src/sim/scenario/schema.ts); the committed copy must be what the generator writes today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, scenarioSchemaText } from '../../../scripts/scenario-schema';

describe('scenarios/scenario.schema.json', () => {
  it('is the schema generated from src/sim/scenario/schema.ts (else run `npm run build:schema`)', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const generated = scenarioSchemaText();
    expect(
      committed === generated,
      'the committed JSON Schema is stale: run `npm run build:schema`',
    ).toBe(true);
  });

  it('names the recursive condition and the choices of shape in its $defs', () => {
    const schema = JSON.parse(scenarioSchemaText()) as { $defs: Record<string, unknown> };
    expect(Object.keys(schema.$defs).sort()).toEqual(['Condition', 'Effect', 'Measure', 'Source']);
  });
});
