import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from './defaultScenario.ts';
import { parseScenario } from './parse.ts';
import type { Scenario } from './schema.ts';
import { quadraticBomb } from './lzBomb.fixture.ts';
import { crc32Hex, decodeScenarioHash, encodeScenarioHash, MAX_HASH_CHARS, type HashResult } from './url.ts';

function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(`test fixture is invalid: ${JSON.stringify(result.issues)}`);
  return result.scenario;
}

/** A well-formed s1 hash around any text, with a correct checksum: what a forger or a buggy encoder makes. */
function hashAround(text: string): string {
  const payload = LZString.compressToEncodedURIComponent(text);
  return `s1.${crc32Hex(payload)}.${payload}`;
}

function expectFailure(result: HashResult, error: string | RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  if (typeof error === 'string') expect(result.error).toBe(error);
  else expect(result.error).toMatch(error);
}

const scenario = parsed(defaultScenario);
const DAMAGED = 'This link is damaged (truncated or altered): its checksum does not match.';

describe('scenario URL hash', () => {
  it('round-trips the default scenario to an equal scenario', () => {
    const hash = encodeScenarioHash(scenario);
    expect(hash).toMatch(/^s1\.[0-9a-f]{8}\.[A-Za-z0-9+\-$]+$/);
    expect(decodeScenarioHash(hash)).toEqual({ ok: true, scenario });
    expect(decodeScenarioHash(`#${hash}`)).toEqual({ ok: true, scenario });
  });

  it('round-trips non-ASCII names, faults and custom regions', () => {
    const edited = parsed({
      ...defaultScenario,
      name: 'São Paulo ✈ 東京 failover',
      durationS: 120,
      regions: [...(defaultScenario.regions ?? []), { id: 'reykjavik', lat: 64.15, lon: -21.94, jurisdiction: 'EU' }],
      faults: [
        { kind: 'region-down', atS: 30, region: 'eu-west' },
        { kind: 'region-up', atS: 90.5, region: 'eu-west' },
      ],
    });
    expect(decodeScenarioHash(encodeScenarioHash(edited))).toEqual({ ok: true, scenario: edited });
  });

  it('produces a hash that needs no escaping in a URL', () => {
    const hash = encodeScenarioHash(scenario);
    expect(encodeURIComponent(hash).replaceAll('%24', '$').replaceAll('%2B', '+')).toBe(hash);
  });

  it.each(['', '#', 'hello', 'https://example.com', '%%%%', 's.1234', 's1', 'S1.00000000.abc'])(
    'says garbage %j does not hold a scenario',
    (garbage) => {
      expectFailure(decodeScenarioHash(garbage), 'This link does not hold a Meridian scenario.');
    },
  );

  it('says a newer link format (s2.) comes from a newer Meridian', () => {
    const hash = encodeScenarioHash(scenario).replace(/^s1\./, 's2.');
    expectFailure(decodeScenarioHash(hash), 'This link was made by a newer version of Meridian (link format 2).');
  });

  it('refuses a truncated payload by its checksum', () => {
    const hash = encodeScenarioHash(scenario);
    for (const keep of [hash.length - 1, hash.length - 10, Math.floor(hash.length / 2), 12, 11, 3]) {
      expectFailure(decodeScenarioHash(hash.slice(0, keep)), DAMAGED);
    }
  });

  it('refuses a payload with one character changed, wherever it is', () => {
    const hash = encodeScenarioHash(scenario);
    const start = 's1.12345678.'.length;
    for (let i = start; i < hash.length; i += 7) {
      const flipped = hash.slice(0, i) + (hash[i] === 'A' ? 'B' : 'A') + hash.slice(i + 1);
      expectFailure(decodeScenarioHash(flipped), DAMAGED);
    }
  });

  it('refuses a changed checksum', () => {
    const hash = encodeScenarioHash(scenario);
    const flipped = `s1.${hash[3] === '0' ? '1' : '0'}${hash.slice(4)}`;
    expectFailure(decodeScenarioHash(flipped), DAMAGED);
    expectFailure(decodeScenarioHash(`s1.${hash.slice(3, 10)}.${hash.slice(12)}`), DAMAGED);
  });

  it('says a payload that is not lz-string data could not be decompressed', () => {
    const payload = '$$$$';
    expectFailure(decodeScenarioHash(`s1.${crc32Hex(payload)}.${payload}`), /^This link is damaged: it could not be decompressed\.$/);
  });

  it('says a valid checksum around text that is not JSON is not valid JSON', () => {
    for (const text of ['not json', '{"version":1,', '<script>alert(1)</script>', 'undefined']) {
      expectFailure(decodeScenarioHash(hashAround(text)), 'This link is damaged: its content is not valid JSON.');
    }
  });

  it('runs valid JSON through the schema and passes on its messages', () => {
    const result = decodeScenarioHash(hashAround(JSON.stringify({ version: 1, regions: [{ id: 'r', lat: 95, lon: 0 }] })));
    expect(result).toEqual({
      ok: false,
      error: 'The scenario in this link is not valid.',
      details: ['regions[0].lat: must be between -90 and 90'],
    });
  });

  it('treats JSON that is not an object like any other invalid scenario', () => {
    for (const text of ['null', '42', '"s1"', '[]']) {
      expectFailure(decodeScenarioHash(hashAround(text)), 'The scenario in this link is not valid.');
    }
  });

  it('does not let a __proto__ key in the JSON reach Object.prototype', () => {
    const result = decodeScenarioHash(hashAround('{"version":1,"regions":[{"id":"r","lat":1,"lon":2}],"__proto__":{"polluted":true}}'));
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a hash longer than MAX_HASH_CHARS without reading it', () => {
    const tooLong = `s1.00000000.${'A'.repeat(MAX_HASH_CHARS)}`;
    expectFailure(decodeScenarioHash(tooLong), 'This link is too long to be a Meridian scenario.');
    // At the limit it is read, and fails on its checksum instead.
    const atLimit = `s1.00000000.${'A'.repeat(MAX_HASH_CHARS - 'S1.00000000.'.length)}`;
    expect(atLimit.length).toBe(MAX_HASH_CHARS);
    expectFailure(decodeScenarioHash(atLimit), DAMAGED);
  });

  it('refuses every random mutation of a real hash without throwing (seeded fuzz)', () => {
    const hash = encodeScenarioHash(scenario);
    let state = 12345;
    const next = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    for (let round = 0; round < 300; round++) {
      const chars = [...hash];
      for (let k = 0; k < 1 + next(5); k++) chars[next(chars.length)] = String.fromCharCode(32 + next(95));
      const mutated = chars.join('');
      if (mutated === hash) continue; // a character replaced by itself
      expect(decodeScenarioHash(mutated).ok).toBe(false);
    }
  });
});

describe('crc32Hex', () => {
  it('is the IEEE CRC-32 (published check value)', () => {
    expect(crc32Hex('123456789')).toBe('cbf43926');
    expect(crc32Hex('')).toBe('00000000');
    expect(crc32Hex('The quick brown fox jumps over the lazy dog')).toBe('414fa339');
  });
});

describe('a link that expands without end', () => {
  it('is refused with a message once it has decompressed to 5 MB, not after billions of characters', () => {
    // 196,337 characters (within MAX_HASH_CHARS, checksum correct) that lz-string expands to 2.96 billion 'a's.
    const payload = quadraticBomb(77_000);
    const hash = `s1.${crc32Hex(payload)}.${payload}`;
    expect(hash.length).toBeLessThanOrEqual(MAX_HASH_CHARS);
    expectFailure(decodeScenarioHash(hash), 'This link expands to more than 5 MB, more than any Meridian scenario: it was not opened.');
  });
});
