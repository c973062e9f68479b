import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../engine/scenario/defaultScenario.ts';
import { parseScenario } from '../../engine/scenario/parse.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import type { Preset } from '../../engine/presets/presets.ts';
import { createAppStore } from './index.ts';

function scenario(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

describe('opening a run (a run file, a pasted run link)', () => {
  it('closes the notes and expected outcomes of the preset that was open, as opening a scenario does', () => {
    const first = scenario({ ...defaultScenario, name: 'preset world' });
    const store = createAppStore(first);
    store.getState().presetNotesShown({ id: 'replication-async', title: 'Async', scenario: first } as unknown as Preset);
    expect(store.getState().activePreset).not.toBeNull();
    const other = scenario({ ...defaultScenario, name: 'someone else\'s run', seed: 7 });
    store.getState().runOpened({ base: other, edits: [] });
    expect(store.getState().scenario).toBe(other);
    expect(store.getState().activePreset).toBeNull();
  });
});
