import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { crc32Hex, encodeScenarioHash } from '../scenario/url.ts';
import { defaultScenario } from '../scenario/defaultScenario.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { RecordedRun, type RunRecord } from './recordedRun.ts';
import { diff, isRunDocument, parseRunDocument, toRunDocument } from './runFile.ts';
import { decodeLink, encodeRunHash } from './runLink.ts';
import { STANDARD_SCENARIOS } from '../bench/standardScenarios.ts';

function scenario(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const base = scenario({ ...defaultScenario, durationS: 60 });
const moved = scenario({ ...base, users: base.users.map((u) => (u.id === 'berlin' ? { ...u, lat: -33.87, lon: 151.21 } : u)) });
const added = scenario({ ...moved, regions: [...moved.regions, { id: 'sydney', catalog: 'aws:ap-southeast-2', capacityQps: 900 }] });
const failed = scenario({ ...added, faults: [...added.faults, { kind: 'region-down', region: 'sydney', atS: 30 }] });
const record: RunRecord = {
  base,
  edits: [
    { atS: 10, scenario: moved },
    { atS: 20.5, scenario: added },
    { atS: 30, scenario: failed },
  ],
};

describe('diff', () => {
  it('names only what changed, and applying it gives the target back', () => {
    const changes = diff(JSON.parse(JSON.stringify(base)), JSON.parse(JSON.stringify(moved)));
    const berlin = base.users.findIndex((u) => u.id === 'berlin');
    expect(changes).toEqual([
      { path: ['users', berlin, 'lat'], value: -33.87 },
      { path: ['users', berlin, 'lon'], value: 151.21 },
    ]);
    expect(diff({ a: 1, b: [1, 2] }, { b: [1, 2, 3] })).toEqual([{ path: ['b'], value: [1, 2, 3] }, { path: ['a'] }]);
  });
});

describe('run documents', () => {
  it('round-trip: the same scenarios at the same times', () => {
    const document = JSON.parse(JSON.stringify(toRunDocument(record)));
    expect(isRunDocument(document)).toBe(true);
    const back = parseRunDocument(document);
    if (!back.ok) throw new Error(back.error);
    expect(back.record.base).toEqual(base);
    expect(back.record.edits.map((e) => e.atS)).toEqual([10, 20.5, 30]);
    back.record.edits.forEach((edit, i) => expect(edit.scenario).toEqual(record.edits[i]?.scenario));
  });

  it('a round-tripped run replays to the same report', () => {
    const back = parseRunDocument(JSON.parse(JSON.stringify(toRunDocument(record))));
    if (!back.ok) throw new Error(back.error);
    const a = new RecordedRun(record);
    const b = new RecordedRun(back.record);
    a.advanceTo(40);
    b.advanceTo(40);
    expect(JSON.stringify(b.simulation.report())).toBe(JSON.stringify(a.simulation.report()));
  });

  it('refuses damaged and hostile documents with a message', () => {
    const good = JSON.parse(JSON.stringify(toRunDocument(record)));
    const cases: [unknown, RegExp][] = [
      [{ ...good, meridianRun: 2 }, /newer version/],
      [{ ...good, meridianRun: 'x' }, /not a Meridian run/],
      [{ ...good, edits: 'x' }, /must be a list/],
      [{ ...good, edits: [{ atS: 5, changes: [] }, { atS: 4, changes: [] }] }, /time order/],
      [{ ...good, edits: [{ atS: Number.NaN, changes: [] }] }, /valid time/],
      [{ ...good, edits: [{ atS: 1, changes: [{ path: ['__proto__', 'polluted'], value: 1 }] }] }, /not valid/],
      [{ ...good, edits: [{ atS: 1, changes: [{ path: ['users', 99, 'lat'], value: 1 }] }] }, /does not exist/],
      [{ ...good, edits: [{ atS: 1, changes: [{ path: ['users', 0, 'qps'], value: -5 }] }] }, /not valid/],
      [{ ...good, edits: Array.from({ length: 2001 }, () => ({ atS: 1, changes: [] })) }, /at most 2000/],
      [{ ...good, scenario: { version: 1 } }, /starts from is not valid/],
    ];
    for (const [input, message] of cases) {
      const result = parseRunDocument(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(`${result.error} ${result.details.join(' ')}`).toMatch(message);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('run links', () => {
  it('carry the run; design links still open as designs', () => {
    const run = decodeLink(`#${encodeRunHash(record)}`);
    expect(run.ok && run.kind).toBe('run');
    if (run.ok && run.kind === 'run') expect(run.record.edits.map((e) => e.atS)).toEqual([10, 20.5, 30]);
    const design = decodeLink(encodeScenarioHash(failed));
    expect(design.ok && design.kind).toBe('design');
    if (design.ok && design.kind === 'design') expect(design.scenario).toEqual(failed);
  });

  it('refuse an altered checksum, a newer format and a payload that is not a run', () => {
    const hash = encodeRunHash(record);
    const altered = `${hash.slice(0, -3)}AAA`;
    expect(decodeLink(altered)).toMatchObject({ ok: false, error: expect.stringMatching(/checksum/) });
    expect(decodeLink(`r2.${hash.slice(3)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/newer version/) });
    const payload = LZString.compressToEncodedURIComponent(JSON.stringify({ hello: 1 }));
    expect(decodeLink(`r1.${crc32Hex(payload)}.${payload}`)).toMatchObject({ ok: false, error: expect.stringMatching(/not a Meridian run/) });
  });

  it('a moved population costs a few characters, not a second scenario', () => {
    const one: RunRecord = { base, edits: [{ atS: 10, scenario: moved }] };
    expect(encodeRunHash(one).length).toBeLessThan(encodeScenarioHash(base).length + 120);
  });
});

describe('a run document too large to replay', () => {
  // The largest scenario the schema allows in users and faults: about 158,000 characters of JSON.
  const users = Array.from({ length: 1000 }, (_, i) => ({ id: `u${i}`, name: `U ${i}`, lat: (i % 170) - 85, lon: (i % 350) - 175, qps: 1 }));
  const faults = Array.from({ length: 1000 }, (_, i) => ({ kind: i % 2 ? 'region-up' : 'region-down', region: 'us-east', atS: i }));
  const largest = { ...defaultScenario, durationS: 3600, users, faults };

  it('is refused with a message, not read for seconds: 2,000 empty edits of the largest scenario (a 30,000-character link)', () => {
    const document = { meridianRun: 1, scenario: largest, edits: Array.from({ length: 2000 }, (_, i) => ({ atS: i, changes: [] })) };
    const payload = LZString.compressToEncodedURIComponent(JSON.stringify(document));
    expect(payload.length).toBeLessThan(40_000);
    const result = decodeLink(`r1.${crc32Hex(payload)}.${payload}`);
    expect(result.ok ? 'opened' : result.error).toMatch(/too large to open/);
  });

  it('is refused when an edit makes the scenario large and many follow it', () => {
    const small = compactOf(base);
    const document = {
      meridianRun: 1,
      scenario: { ...small, durationS: 3600 },
      edits: [
        { atS: 1, changes: [{ path: ['users'], value: users }, { path: ['faults'], value: faults }] },
        ...Array.from({ length: 299 }, (_, i) => ({ atS: 2 + i, changes: [] })),
      ],
    };
    const result = parseRunDocument(document);
    expect(result.ok ? 'opened' : result.error).toMatch(/too large to open/);
  });

  it('opens 2,000 edits of the large standard scenario (25 regions, 100 populations)', () => {
    const large = scenario(STANDARD_SCENARIOS.large);
    const edits = Array.from({ length: 2000 }, (_, i) => ({ atS: i, changes: [{ path: ['users', 0, 'qps'], value: 100 + i }] }));
    const result = parseRunDocument({ meridianRun: 1, scenario: large, edits });
    expect(result.ok ? result.record.edits.length : result.error).toBe(2000);
  });
});

function compactOf(s: Scenario): Record<string, unknown> {
  return JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
}
