// Generates the published JSON Schema of a scenario (scenarios/scenario.schema.json) from its one
// description, src/sim/scenario/schema.ts, for editors that check a file as it is typed. It says
// less than the validator (no cross-references, no reachability, no "did you mean"), never more:
// what it refuses, `brink validate` refuses too. A test fails when the committed copy is stale.
//
//   npm run build:schema
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { JSON_SCHEMA_DEFINITIONS, SCENARIO } from '../src/sim/scenario/schema';

export const SCHEMA_FILE = fileURLToPath(
  new URL('../scenarios/scenario.schema.json', import.meta.url),
);

/** The JSON Schema, as the text committed beside the scenarios. */
export function scenarioSchemaText(): string {
  const schema = toJsonSchema(SCENARIO, {
    target: 'draft-2020-12',
    definitions: JSON_SCHEMA_DEFINITIONS,
    // Checks the JSON Schema cannot express (a real calendar date, text that is not blank) are
    // left to the validator.
    errorMode: 'ignore',
    overrideSchema: ({ valibotSchema, jsonSchema }) =>
      // Unknown fields are warnings in the validator (a typo there is ignored); an editor flags them.
      valibotSchema.type === 'object' ? { ...jsonSchema, additionalProperties: false } : undefined,
  });
  const published = {
    $schema: schema.$schema,
    $id: 'https://brink.invalid/scenarios/scenario.schema.json',
    title: 'Brink scenario',
    description:
      'The shape of a Brink scenario, generated from src/sim/scenario/schema.ts by `npm run build:schema`: do not edit by hand. For editors: it checks structure and enums; `brink validate` checks meaning and cross-references.',
    ...schema,
  };
  return `${JSON.stringify(published, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, scenarioSchemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
