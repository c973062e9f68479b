/**
 * The scenario in a URL hash: `#s1.<crc32>.<payload>`, where `s1` is the format version, the payload is the
 * scenario JSON compressed by lz-string into URL-safe characters, and crc32 (8 hex digits, of the payload)
 * tells a truncated or altered link from a valid one before anything is decompressed or parsed.
 * Decoding never throws and never evaluates anything: the JSON goes through the schema like any other input,
 * and decompression stops at MAX_SCENARIO_CHARS, however the payload was forged (lzDecompress.ts).
 */
import LZString from 'lz-string';
import { compactScenario } from './compact.ts';
import { decompressFromEncodedURIComponentBounded } from './lzDecompress.ts';
import { parseScenario, formatIssues } from './parse.ts';
import type { Scenario } from './schema.ts';

const PREFIX = 's1.';
/** Longer hashes are refused unread: no real scenario comes near this. */
export const MAX_HASH_CHARS = 200_000;
/**
 * A link's decompressed scenario is at most this many characters, the 5 MB that file import accepts: a short
 * payload can name ever longer dictionary entries and expand quadratically (to billions of characters from
 * 200,000), so decompression stops at this bound instead of freezing the tab.
 */
export const MAX_SCENARIO_CHARS = 5_000_000;

export type HashResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly error: string; readonly details: readonly string[] };

/** The hash (without `#`) that carries `scenario` (its settings that differ from the defaults: see compact.ts). */
export function encodeScenarioHash(scenario: Scenario): string {
  const payload = LZString.compressToEncodedURIComponent(JSON.stringify(compactScenario(scenario)));
  return `${PREFIX}${crc32Hex(payload)}.${payload}`;
}

/** Reads a hash (with or without its leading `#`) back into a validated scenario, or says what is wrong. */
export function decodeScenarioHash(rawHash: string): HashResult {
  const hash = rawHash.startsWith('#') ? rawHash.slice(1) : rawHash;
  const fail = (error: string, details: readonly string[] = []): HashResult => ({ ok: false, error, details });
  if (hash.length > MAX_HASH_CHARS) return fail('This link is too long to be a Meridian scenario.');
  const version = /^s(\d{1,4})\./.exec(hash);
  if (!version) return fail('This link does not hold a Meridian scenario.');
  if (hash.slice(0, PREFIX.length) !== PREFIX) {
    return Number(version[1]) > 1 && !version[1]?.startsWith('0')
      ? fail(`This link was made by a newer version of Meridian (link format ${version[1]}).`)
      : fail('This link does not hold a Meridian scenario.');
  }
  const rest = hash.slice(PREFIX.length);
  const dot = rest.indexOf('.');
  const checksum = rest.slice(0, dot);
  const payload = rest.slice(dot + 1);
  if (dot !== 8 || crc32Hex(payload) !== checksum) {
    return fail('This link is damaged (truncated or altered): its checksum does not match.');
  }
  let json: unknown;
  try {
    const decompressed = decompressFromEncodedURIComponentBounded(payload, MAX_SCENARIO_CHARS);
    if (!decompressed.ok) {
      return fail('This link expands to more than 5 MB, more than any Meridian scenario: it was not opened.');
    }
    if (!decompressed.text) return fail('This link is damaged: it could not be decompressed.');
    json = JSON.parse(decompressed.text);
  } catch {
    return fail('This link is damaged: its content is not valid JSON.');
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) return fail('The scenario in this link is not valid.', formatIssues(parsed.issues));
  return { ok: true, scenario: parsed.scenario };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of a string's UTF-16 code units masked to bytes; the payload is ASCII. */
export function crc32Hex(text: string): string {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}
