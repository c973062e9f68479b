/**
 * `npm run docs`: writes docs/scenario.md and docs/scenario.schema.json from the scenario schema.
 * The rendering lives in ./schemaDocs.ts; engine/scenario/docs.test.ts fails when the committed files are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { renderSchemaDocs } from './schemaDocs.ts';

const docsDir = new URL('../docs/', import.meta.url);
const { markdown, jsonSchema } = renderSchemaDocs();
mkdirSync(docsDir, { recursive: true });
writeFileSync(new URL('scenario.md', docsDir), markdown);
writeFileSync(new URL('scenario.schema.json', docsDir), jsonSchema);
process.stdout.write('wrote docs/scenario.md and docs/scenario.schema.json\n');
