import { describe, expect, it } from 'vitest';
import activePassiveUs from '../../scenarios/active-passive-us.json' with { type: 'json' };
import { catalogRegions } from '../geo/catalog.ts';
import { defaultScenario } from './defaultScenario.ts';
import { formatIssues, formatPath, parseScenario } from './parse.ts';
import { quote } from './rules.ts';

/** The formatted messages for `input`, or [] when it is valid. */
function messages(input: unknown): string[] {
  const result = parseScenario(input);
  return result.ok ? [] : formatIssues(result.issues);
}

/** A small valid scenario to break one field at a time. */
function base(): Record<string, unknown> & { regions: Record<string, unknown>[]; users: Record<string, unknown>[] } {
  return {
    version: 1,
    regions: [
      { id: 'us', catalog: 'aws:us-east-1' },
      { id: 'eu', catalog: 'aws:eu-west-1' },
      { id: 'custom', lat: 10, lon: 20 },
    ],
    users: [{ id: 'nyc', lat: 40.7, lon: -74, qps: 10 }],
  };
}

const HOSTILE = '<img src=x onerror=alert(1)>'.repeat(40);

describe('parseScenario on valid input', () => {
  it('accepts the default scenario and fills in the defaults it leaves out', () => {
    const result = parseScenario(defaultScenario);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const scenario = result.scenario;
    expect(scenario.regions.map((r) => r.id)).toEqual(['us-east', 'eu-west', 'ap-northeast']);
    expect(scenario.regions[0]).toEqual({ id: 'us-east', catalog: 'aws:us-east-1', capacityQps: 1500, readServiceMs: 2, writeServiceMs: 5, weight: 1, clockSkewMs: 0 });
    for (const user of scenario.users) expect(user.lastMileMs).toBe(10);
    expect(scenario.routing.healthCheck).toEqual({ intervalS: 10, timeoutS: 2, failureThreshold: 3, successThreshold: 2 });
    expect(scenario.faults).toEqual([]);
  });

  it('does not modify its input', () => {
    const input = structuredClone(defaultScenario);
    parseScenario(input);
    expect(input).toEqual(defaultScenario);
  });

  it('fills every default of a minimal scenario', () => {
    const result = parseScenario({ version: 1, regions: [{ id: 'r', catalog: 'aws:us-east-1' }] });
    expect(result).toEqual({
      ok: true,
      scenario: {
        version: 1,
        name: 'Untitled scenario',
        seed: 1,
        durationS: 600,
        regions: [{ id: 'r', catalog: 'aws:us-east-1', capacityQps: 1500, readServiceMs: 2, writeServiceMs: 5, weight: 1, clockSkewMs: 0 }],
        users: [],
        workload: { keyCount: 100_000, zipfS: 0.99, timeoutMs: 2000, writeBytes: 1024, responseBytes: 4096, overload: 'timeout' },
        routing: {
          policy: 'geodns',
          dnsTtlS: 60,
          ignoreTtlShare: 0,
          ignoreTtlHoldS: 900,
          anycastConvergenceS: 5,
          propagationS: 0,
          edgeRttMs: 2,
          balance: 'latency',
          clientProbeIntervalS: 30,
          healthCheck: { intervalS: 10, timeoutS: 2, failureThreshold: 3, successThreshold: 2 },
        },
        data: { topology: 'active-passive', promotion: 'automatic', manualPromotionS: 300, duringFailover: 'fail', homeFailover: 'same-jurisdiction', fencing: true, replication: 'async', commitWaitMs: 0, quorum: 1, conflict: 'lww', crdtType: 'counter', mergeRule: 'max', reads: 'eventual', boundedStalenessMs: 4800, datasets: [], replicationMbps: 100, replicationBatchMs: 10 },
        faults: [],
        cost: { usdPerQpsHour: 0.0004, interZoneUsdPerGb: 0.01, zonesPerRegion: 3, egressUsdPerGb: 0.09, replicationCompression: 0 },
        simulation: { mode: 'auto', samplesPerSecond: 500 },
      },
    });
  });

  it('accepts the bundled preset scenario file, which matches the default scenario', () => {
    const file = parseScenario(activePassiveUs);
    const builtIn = parseScenario(defaultScenario);
    expect(file.ok && builtIn.ok).toBe(true);
    if (!file.ok || !builtIn.ok) return;
    const { $schema: _editorLink, ...fileScenario } = file.scenario; // a preset may carry a link for editors
    expect(fileScenario).toEqual(builtIn.scenario);
  });

  it('accepts a custom region anywhere on Earth, edges included', () => {
    const input = base();
    input.regions = [
      { id: 'north', lat: 90, lon: 180 },
      { id: 'south', lat: -90, lon: -180 },
    ];
    expect(messages(input)).toEqual([]);
  });

  it('accepts every catalogue region, of every provider, by its id', () => {
    // Regression: IBM's ids were city names ("ibm:Washington DC") that the schema's catalog pattern rejected.
    const ids = catalogRegions.map((r) => r.id);
    expect(new Set(catalogRegions.map((r) => r.provider))).toEqual(new Set(['aws', 'gcp', 'azure', 'ibm']));
    expect(messages({ version: 1, regions: ids.map((catalog, i) => ({ id: `r${i}`, catalog })) })).toEqual([]);
  });
});

describe('parseScenario on invalid input', () => {
  it('says which region has a latitude out of range', () => {
    const input = base();
    input.regions[2] = { id: 'custom', lat: 95, lon: 20 };
    expect(messages(input)).toEqual(['regions[2].lat: must be between -90 and 90']);
  });

  it('says which user has a longitude out of range', () => {
    const input = base();
    input.users[0] = { id: 'nyc', lat: 40.7, lon: -181, qps: 10 };
    expect(messages(input)).toEqual(['users[0].lon: must be between -180 and 180']);
  });

  it('rejects a NaN or infinite number as not a number', () => {
    expect(messages({ ...base(), durationS: Number.NaN })).toEqual(['durationS: must be a number']);
    expect(messages({ ...base(), durationS: Number.POSITIVE_INFINITY })).toEqual(['durationS: must be a number']);
  });

  it('names an unknown field, at the top level and inside a region', () => {
    expect(messages({ ...base(), colour: 'red' })).toEqual(['unknown field "colour"']);
    const input = base();
    input.regions[1] = { id: 'eu', catalog: 'aws:eu-west-1', colour: 'red', size: 3 };
    expect(messages(input)).toEqual(['regions[1]: unknown fields "colour", "size"']);
  });

  it('says a required field is required', () => {
    const input = base();
    input.users[0] = { id: 'nyc', lat: 40.7, lon: -74 };
    expect(messages(input)).toEqual(['users[0].qps: is required']);
    const { regions: _regions, ...noRegions } = base();
    expect(messages(noRegions)).toEqual(['regions: is required']);
  });

  it('names a field of the wrong type by the type it must be', () => {
    expect(messages({ ...base(), regions: 'us-east-1' })).toEqual(['regions: must be an array']);
    expect(messages({ ...base(), seed: 1.5 })).toEqual(['seed: must be a whole number']);
    expect(messages({ ...base(), routing: { policy: 'round-robin' } })).toEqual([
      'routing.policy: must be one of: geodns, anycast, global-lb, client',
    ]);
  });

  it('rejects a catalogue region that does not exist', () => {
    const input = base();
    input.regions[0] = { id: 'us', catalog: 'aws:mars-north-1' };
    expect(messages(input)).toEqual(['regions[0].catalog: unknown catalogue region "aws:mars-north-1"']);
  });

  it('rejects a region with both catalog and lat/lon, and one with neither', () => {
    const input = base();
    input.regions[0] = { id: 'us', catalog: 'aws:us-east-1', lat: 38.9, lon: -77 };
    input.regions[2] = { id: 'custom', lat: 10 };
    expect(messages(input)).toEqual([
      'regions[0]: give either catalog or lat and lon, not both',
      'regions[2]: needs catalog (e.g. "aws:us-east-1") or both lat and lon',
    ]);
  });

  it('rejects duplicate region and user ids at the second occurrence', () => {
    const input = base();
    input.regions[2] = { id: 'us', lat: 10, lon: 20 };
    input.users.push({ id: 'nyc', lat: 1, lon: 2, qps: 1 });
    expect(messages(input)).toEqual(['regions[2].id: duplicate region id "us"', 'users[1].id: duplicate user population id "nyc"']);
  });

  it('rejects data.primary and faults that name a missing region', () => {
    const input = {
      ...base(),
      durationS: 60,
      data: { primary: 'ap' },
      faults: [
        { kind: 'region-down', atS: 10, region: 'eu' },
        { kind: 'region-down', atS: 20, region: 'gone' },
        { kind: 'region-up', atS: 61, region: 'eu' },
      ],
    };
    expect(messages(input)).toEqual([
      'data.primary: no region has the id "ap"',
      'faults[1].region: no region has the id "gone"',
      'faults[2].atS: is after the end of the run (durationS 60)',
    ]);
  });

  it('rejects an unknown fault kind', () => {
    expect(messages({ ...base(), faults: [{ kind: 'meteor', atS: 1, region: 'us' }] })).toEqual([
      'faults[0].kind: must be one of: region-down, region-up, gray-failure, capacity-loss, partition, link-degrade, link-heal',
    ]);
  });

  it('says a newer version number comes from a newer Meridian, before looking at anything else', () => {
    expect(parseScenario({ version: 2, regions: 'whatever' })).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'was made by a newer Meridian (scenario version 2); this one reads version 1' }],
    });
  });

  it('rejects a missing or non-numeric version', () => {
    const { version: _version, ...noVersion } = base();
    expect(messages(noVersion)).toEqual(['version: must be 1']);
    expect(messages({ ...base(), version: '1' })).toEqual(['version: must be 1']);
    expect(messages({ ...base(), version: 0 })).toEqual(['version: must be 1']);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'a scenario'],
    ['an array', []],
    ['a boolean', true],
  ])('rejects %s as input, without throwing', (_what, input) => {
    expect(messages(input)).toEqual(['must be an object']);
  });

  it('says a missing scenario is required', () => {
    expect(messages(undefined)).toEqual(['is required']);
  });

  it('reports every problem at once, each with its own path', () => {
    const input = base();
    input.regions[2] = { id: 'custom', lat: 95, lon: 200 };
    input.users[0] = { id: 'nyc', lat: 40.7, lon: -74, qps: -1 };
    expect(messages(input).sort()).toEqual(
      ['regions[2].lat: must be between -90 and 90', 'regions[2].lon: must be between -180 and 180', 'users[0].qps: must be at least 0'].sort(),
    );
  });
});

describe('hostile strings in messages', () => {
  /** True when every occurrence of the payload's opening in `message` sits in a short JSON-quoted string. */
  function onlyQuotedAndShort(message: string): boolean {
    const withoutQuoted = message.replace(/"(?:[^"\\]|\\.){0,40}(?:\.\.\.)?"/g, '""');
    return !withoutQuoted.includes('<img') && message.length < 200;
  }

  it('quotes and truncates a hostile unknown field name', () => {
    const input = base();
    input.regions[0] = { id: 'us', catalog: 'aws:us-east-1', [HOSTILE]: 1 };
    const out = messages(input);
    expect(out).toEqual([`regions[0]: unknown field ${JSON.stringify(`${HOSTILE.slice(0, 40)}...`)}`]);
    expect(out.every(onlyQuotedAndShort)).toBe(true);
  });

  it('refuses a reference to a region longer than any id, without repeating it', () => {
    const out = messages({ ...base(), data: { primary: HOSTILE }, faults: [{ kind: 'region-down', atS: 0, region: HOSTILE }] });
    expect(out).toEqual(['data.primary: must be at most 40 characters', 'faults[0].region: must be at most 40 characters']);
  });

  it('quotes a hostile reference to a region that does not exist', () => {
    const short = '<img src=x onerror=alert(1)>';
    const out = messages({ ...base(), data: { primary: short }, faults: [{ kind: 'region-down', atS: 0, region: short }] });
    expect(out).toEqual([
      'data.primary: no region has the id "<img src=x onerror=alert(1)>"',
      'faults[0].region: no region has the id "<img src=x onerror=alert(1)>"',
    ]);
    expect(out.every(onlyQuotedAndShort)).toBe(true);
  });

  it('leaves a hostile value out of the message when the field itself is invalid', () => {
    const input = base();
    input.regions[0] = { id: HOSTILE, catalog: HOSTILE };
    input.users[0] = { id: 'nyc', name: HOSTILE, lat: 1, lon: 2, qps: 1, jurisdiction: HOSTILE };
    const out = messages({ ...base(), name: HOSTILE, regions: input.regions, users: input.users, routing: { policy: HOSTILE } });
    expect(out.length).toBeGreaterThanOrEqual(5);
    for (const message of out) expect(message).not.toContain('<img');
  });

  it('escapes quotes, so a value cannot break out of its quotation', () => {
    const out = messages({ ...base(), data: { primary: 'a" onmouseover="x' } });
    expect(out).toEqual(['data.primary: no region has the id "a\\" onmouseover=\\"x"']);
  });
});

describe('formatPath and quote', () => {
  it('writes array indices in brackets and keys with dots', () => {
    expect(formatPath(['regions', 2, 'lat'])).toBe('regions[2].lat');
    expect(formatPath(['routing', 'healthCheck', 'intervalS'])).toBe('routing.healthCheck.intervalS');
    expect(formatPath([])).toBe('');
  });

  it('quotes short values whole and cuts long ones at 40 characters', () => {
    expect(quote('us-east')).toBe('"us-east"');
    expect(quote('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`);
    expect(quote('x'.repeat(41))).toBe(`"${'x'.repeat(40)}..."`);
  });

  it('formats an issue without a path as the bare message', () => {
    expect(formatIssues([{ path: '', message: 'must be an object' }, { path: 'seed', message: 'is required' }])).toEqual([
      'must be an object',
      'seed: is required',
    ]);
  });
});
