import { describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';
import type { RunRecord } from '../../engine/run/recordedRun.ts';

const encoded = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../engine/index.ts', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../../engine/index.ts')>();
  return {
    ...engine,
    encodeRunHash: (record: RunRecord) => {
      encoded.count++;
      return engine.encodeRunHash(record);
    },
  };
});
const { runHashOf } = await import('./SharePanel.tsx');
const { decodeLink } = await import('../../engine/index.ts');

describe('the "share this run" link', () => {
  it('is encoded once per run record, not at each render of the panel (one per simulated second while it plays)', () => {
    const parsed = parseScenario(defaultScenario);
    if (!parsed.ok) throw new Error('invalid');
    const record: RunRecord = { base: parsed.scenario, edits: [{ atS: 3, scenario: { ...parsed.scenario, name: 'edited' } }] };
    const first = runHashOf(record);
    for (let render = 0; render < 20; render++) expect(runHashOf(record)).toBe(first);
    expect(encoded.count).toBe(1);
    const decoded = decodeLink(first);
    expect(decoded.ok && decoded.kind === 'run' ? decoded.record.edits.length : 0).toBe(1);
    runHashOf({ ...record }); // another record (an edit made): encoded afresh
    expect(encoded.count).toBe(2);
  });
});
