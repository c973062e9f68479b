/**
 * The worker shell's replays, driven through its API (comlink is replaced by a capture of the exposed object and
 * the snapshot port by an array): what a replay streams must name every window by the scenario it closed under.
 */
import { describe, expect, it, vi } from 'vitest';
import { defaultScenario } from './scenario/defaultScenario.ts';
import { parseScenario } from './scenario/parse.ts';
import type { Scenario } from './scenario/schema.ts';
import { decodeWindows, type SnapshotMessage } from './snapshot.ts';
import { RecordedRun, type RunRecord } from './run/recordedRun.ts';
import { toRunDocument } from './run/runFile.ts';
import type { EngineApi } from './worker.ts';

const exposed = vi.hoisted(() => ({ api: undefined as unknown }));
vi.mock('comlink', () => ({ expose: (api: unknown) => (exposed.api = api) }));

await import('./worker.ts');
const api = exposed.api as EngineApi;

function scenario(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const base = scenario({ ...defaultScenario, durationS: 40 });
/** New York's population deleted at 10 s: every later population moves down one index. */
const withoutNewYork = scenario({ ...base, users: base.users.filter((u) => u.id !== 'new-york') });
const record: RunRecord = { base, edits: [{ atS: 10, scenario: withoutNewYork }] };

/** Each population's read p50 by (id, second), as streamed. */
function streamed(messages: readonly SnapshotMessage[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const message of messages) {
    for (const window of decodeWindows(message.data)) {
      message.userIds.forEach((id, u) => {
        const w = window.users[u];
        if (w) out.set(`${id}@${window.startS}`, w.readP50Ms);
      });
    }
  }
  return out;
}

/** The same, from a replay of the record that takes the windows just before each edit. */
function expected(untilS: number): Map<string, number> {
  const run = new RecordedRun(record);
  const out = new Map<string, number>();
  const take = (): void => {
    const ids = run.scenario.users.map((u) => u.id);
    for (const window of run.simulation.takeWindows()) ids.forEach((id, u) => out.set(`${id}@${window.startS}`, window.users[u]?.readP50Ms ?? Number.NaN));
  };
  run.advanceTo(untilS, take);
  take();
  return out;
}

describe('the worker replaying a run across an edit that renumbers the populations', () => {
  it('streams each window under the populations it was measured for (a seek)', async () => {
    const messages: SnapshotMessage[] = [];
    api.connect({ postMessage: (message: SnapshotMessage) => messages.push(message) } as unknown as MessagePort);
    expect(api.load(toRunDocument(record)).ok).toBe(true);
    messages.length = 0;
    expect(await api.seek(20)).toBe(true);
    const got = streamed(messages);
    const want = expected(20);
    expect(got.size).toBe(want.size);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
  });

  it('streams each window under the populations it was measured for (a step across the edit)', () => {
    const messages: SnapshotMessage[] = [];
    api.connect({ postMessage: (message: SnapshotMessage) => messages.push(message) } as unknown as MessagePort);
    expect(api.load(toRunDocument(record)).ok).toBe(true);
    messages.length = 0;
    api.step(20);
    expect(Object.fromEntries(streamed(messages))).toEqual(Object.fromEntries(expected(20)));
  });

  it('a step across many edits does not build a report before each (a report can cost 100 ms), only where it lands and as spacing allows', () => {
    const many: RunRecord = { base, edits: Array.from({ length: 30 }, (_, i) => ({ atS: 1 + i, scenario: i % 2 ? base : withoutNewYork })) };
    const messages: SnapshotMessage[] = [];
    api.connect({ postMessage: (message: SnapshotMessage) => messages.push(message) } as unknown as MessagePort);
    expect(api.load(toRunDocument(many)).ok).toBe(true);
    messages.length = 0;
    api.step(35);
    expect(messages.length).toBeGreaterThan(30);
    // Reports are spaced to take at most a tenth of the engine's time, and the landing has one.
    expect(messages.at(-1)?.report).toBeDefined();
    expect(messages.filter((m) => m.report).length).toBeLessThan(messages.length / 2);
  });

  it('the CSV export names each window as the stream did, across an edit that adds a population mid-second', async () => {
    const sydney = scenario({ ...base, users: [...base.users, { id: 'sydney', name: 'Sydney', lat: -33.87, lon: 151.21, qps: 200 }] });
    const added: RunRecord = { base, edits: [{ atS: 10.5, scenario: sydney }, { atS: 20, scenario: withoutNewYork }] };
    const messages: SnapshotMessage[] = [];
    api.connect({ postMessage: (message: SnapshotMessage) => messages.push(message) } as unknown as MessagePort);
    expect(api.load(toRunDocument(added)).ok).toBe(true);
    expect(await api.seek(30)).toBe(true);
    const csv = api.exportRun()?.csv ?? '';
    const fromCsv = new Map<string, number>();
    for (const line of csv.trim().split('\n').slice(1)) {
      const [startS, kind, id, readP50Ms] = line.split(',');
      if (kind === 'population') fromCsv.set(`${id}@${startS}`, Number(readP50Ms));
    }
    const stream = streamed(messages);
    expect(fromCsv.size).toBe(stream.size);
    expect(fromCsv.has('sydney@10')).toBe(true);
    expect(fromCsv.has('sydney@9')).toBe(false);
    expect(fromCsv.has('new-york@19')).toBe(true);
    expect(fromCsv.has('new-york@20')).toBe(false);
    for (const [key, value] of stream) expect([key, fromCsv.get(key)]).toEqual([key, Math.round(value * 1000) / 1000]);
  });
});
