/**
 * "Share this run": a run (its first scenario and timed live edits, runFile.ts) in a URL hash,
 * `#r1.<crc32>.<payload>`, built like a scenario link (`#s1.`, scenario/url.ts): lz-string payload, CRC-32
 * checked before anything is decompressed, decompression bounded, the JSON through the run and scenario schemas.
 * `decodeLink` reads either kind, so the app opens a design link and a run link the same way.
 */
import LZString from 'lz-string';
import { decompressFromEncodedURIComponentBounded } from '../scenario/lzDecompress.ts';
import { crc32Hex, decodeScenarioHash, MAX_HASH_CHARS, MAX_SCENARIO_CHARS } from '../scenario/url.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunRecord } from './recordedRun.ts';
import { parseRunDocument, toRunDocument } from './runFile.ts';

const PREFIX = 'r1.';

export type LinkResult =
  | { readonly ok: true; readonly kind: 'design'; readonly scenario: Scenario }
  | { readonly ok: true; readonly kind: 'run'; readonly record: RunRecord }
  | { readonly ok: false; readonly error: string; readonly details: readonly string[] };

const encoded = new WeakMap<RunRecord, string>();

/**
 * The hash (without `#`) that carries the run. Records are immutable, so each is encoded once: the Share panel
 * asks at every render (each simulated second, 10 a second at 10x), and 2,000 edits of the large scenario take
 * about half a second to encode.
 */
export function encodeRunHash(record: RunRecord): string {
  let hash = encoded.get(record);
  if (hash === undefined) {
    const payload = LZString.compressToEncodedURIComponent(JSON.stringify(toRunDocument(record)));
    hash = `${PREFIX}${crc32Hex(payload)}.${payload}`;
    encoded.set(record, hash);
  }
  return hash;
}

/** Reads a design link (`s1.`) or a run link (`r1.`), with or without its `#`, or says what is wrong. */
export function decodeLink(rawHash: string): LinkResult {
  const hash = rawHash.startsWith('#') ? rawHash.slice(1) : rawHash;
  const fail = (error: string, details: readonly string[] = []): LinkResult => ({ ok: false, error, details });
  if (hash.length > MAX_HASH_CHARS) return fail('This link is too long to be a Meridian scenario.');
  if (!/^r\d{1,4}\./.test(hash)) {
    const design = decodeScenarioHash(hash);
    return design.ok ? { ok: true, kind: 'design', scenario: design.scenario } : design;
  }
  if (!hash.startsWith(PREFIX)) return fail('This run link was made by a newer version of Meridian.');
  const rest = hash.slice(PREFIX.length);
  const dot = rest.indexOf('.');
  const payload = rest.slice(dot + 1);
  if (dot !== 8 || crc32Hex(payload) !== rest.slice(0, dot)) return fail('This link is damaged (truncated or altered): its checksum does not match.');
  let json: unknown;
  try {
    const decompressed = decompressFromEncodedURIComponentBounded(payload, MAX_SCENARIO_CHARS);
    if (!decompressed.ok) return fail('This link expands to more than 5 MB, more than any Meridian run: it was not opened.');
    if (!decompressed.text) return fail('This link is damaged: it could not be decompressed.');
    json = JSON.parse(decompressed.text);
  } catch {
    return fail('This link is damaged: its content is not valid JSON.');
  }
  const run = parseRunDocument(json);
  return run.ok ? { ok: true, kind: 'run', record: run.record } : run;
}
