import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemaDocs } from '../../scripts/schemaDocs.ts';

const STALE = 'docs are stale: run npm run docs';

/** A committed docs file, or '' when it is missing, so the comparison fails with the stale message. */
function committed(name: string): string {
  try {
    return readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');
  } catch {
    return '';
  }
}

describe('the generated scenario docs', () => {
  const docs = renderSchemaDocs();

  it('docs/scenario.schema.json matches the schema', () => {
    expect(committed('scenario.schema.json'), STALE).toBe(docs.jsonSchema);
  });

  it('docs/scenario.md matches the schema', () => {
    expect(committed('scenario.md'), STALE).toBe(docs.markdown);
  });

  it('documents every object of the scenario in its own table', () => {
    for (const heading of ['Scenario', '`regions[]`', '`users[]`', '`routing`', '`routing.healthCheck`', '`data`', '`faults[]`']) {
      expect(docs.markdown).toContain(`\n### ${heading}\n`);
    }
  });
});
