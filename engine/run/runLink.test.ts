import { describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { RunRecord } from './recordedRun.ts';

const compressed = vi.hoisted(() => ({ count: 0 }));
vi.mock('lz-string', async (importOriginal) => {
  const lz = (await importOriginal<{ default: typeof import('lz-string') }>()).default;
  const counting = {
    ...lz,
    compressToEncodedURIComponent: (text: string) => {
      compressed.count++;
      return lz.compressToEncodedURIComponent(text);
    },
  };
  return { default: counting };
});
const { decodeLink, encodeRunHash } = await import('./runLink.ts');

describe('the run link', () => {
  it('is encoded once per run record, not at each render of the Share panel (one per simulated second while it plays)', () => {
    const parsed = parseScenario(defaultScenario);
    if (!parsed.ok) throw new Error('invalid');
    const record: RunRecord = { base: parsed.scenario, edits: [{ atS: 3, scenario: { ...parsed.scenario, name: 'edited' } }] };
    const first = encodeRunHash(record);
    for (let render = 0; render < 20; render++) expect(encodeRunHash(record)).toBe(first);
    expect(compressed.count).toBe(1);
    const decoded = decodeLink(first);
    expect(decoded.ok && decoded.kind === 'run' ? decoded.record.edits.map((e) => e.scenario.name) : []).toEqual(['edited']);
    encodeRunHash({ ...record }); // another record (an edit was made): encoded afresh
    expect(compressed.count).toBe(2);
  });
});
