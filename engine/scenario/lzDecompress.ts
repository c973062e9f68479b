/**
 * lz-string's `decompressFromEncodedURIComponent` with a bound on what it produces.
 *
 * lz-string is an LZW variant: each code names a dictionary entry, and each step adds an entry one character
 * longer than the last output. A forged payload of n characters can therefore name entries of length 1, 2, 3, ...
 * and expand to about (n / 2.5)^2 / 2 characters: a 196,000-character link to billions (seconds of CPU and
 * gigabytes before the first check could run). This port of lz-string 1.5.0's decoder (WTFPL, by pieroxy) for its
 * URL-safe alphabet counts what it has produced and stops as soon as the count would pass `maxChars`, so the
 * output and the dictionary (whose entries are prefixes of the output) stay within a few times the bound.
 * Input that lz-string decodes within the bound gives exactly what lz-string gives (url.test.ts compares them).
 */

const URI_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
/** Character code -> 6-bit value; -1 outside the alphabet (lz-string reads those as 0 bits, and so does this). */
const VALUE_OF = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < URI_SAFE_ALPHABET.length; i++) table[URI_SAFE_ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** What a bounded decompression gives: the text, `null` for data lz-string cannot decode, or that it is too large. */
export type BoundedText = { readonly ok: true; readonly text: string | null } | { readonly ok: false; readonly tooLarge: true };

const TOO_LARGE: BoundedText = { ok: false, tooLarge: true };

/**
 * Decompresses lz-string's URL-safe form, as `LZString.decompressFromEncodedURIComponent(input)` would, unless
 * the result would be longer than `maxChars` characters (UTF-16 code units): then it stops there and says so.
 * `text` is null where lz-string returns null (or the empty string for a truncated stream, as lz-string does).
 */
export function decompressFromEncodedURIComponentBounded(input: string, maxChars: number): BoundedText {
  if (input === '') return { ok: true, text: null };
  const source = input.replace(/ /g, '+');
  const length = source.length;
  const valueAt = (index: number): number => {
    const code = source.charCodeAt(index);
    const value = code < 128 ? (VALUE_OF[code] as number) : -1;
    return value < 0 ? 0 : value;
  };
  const RESET = 32; // six bits per character, most significant first
  let val = valueAt(0);
  let position = RESET;
  let index = 1;
  /** Reads `count` bits, least significant first, as lz-string does. */
  const readBits = (count: number): number => {
    let bits = 0;
    for (let power = 1, i = 0; i < count; i++, power *= 2) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = RESET;
        val = valueAt(index++);
      }
      if (bit > 0) bits += power;
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  let produced = 0;
  const result: string[] = [];

  const first = readBits(2);
  if (first === 2) return { ok: true, text: '' };
  // A first code of 3 is no valid stream: lz-string goes on from `undefined` (text beginning "undefined", never a
  // scenario); this says it cannot be decoded.
  if (first === 3) return { ok: true, text: null };
  let w = String.fromCharCode(readBits(first === 0 ? 8 : 16));
  dictionary[3] = w;
  result.push(w);
  produced = 1;
  if (produced > maxChars) return TOO_LARGE;

  for (;;) {
    if (index > length) return { ok: true, text: '' };
    let c = readBits(numBits);
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(readBits(c === 0 ? 8 : 16));
      c = dictSize - 1;
      enlargeIn--;
    } else if (c === 2) {
      return { ok: true, text: result.join('') };
    }
    if (enlargeIn === 0) {
      enlargeIn = 1 << numBits;
      numBits++;
    }
    let entry: string;
    const known = dictionary[c];
    if (known) entry = known;
    else if (c === dictSize) entry = w + w.charAt(0);
    else return { ok: true, text: null };
    produced += entry.length;
    if (produced > maxChars) return TOO_LARGE;
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 1 << numBits;
      numBits++;
    }
  }
}
