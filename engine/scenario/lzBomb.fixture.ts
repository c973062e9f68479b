/** Test support for lzDecompress.test.ts and url.test.ts: a forged lz-string payload (no engine code uses it). */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/**
 * A forged lz-string stream: the character 'a', then `codes` times the code of the entry not yet in the
 * dictionary (LZW's "cScSc" case), so entry k is k + 1 characters long and the whole decompresses to
 * (codes + 1)(codes + 2) / 2 characters of 'a'. Bits are written as lz-string reads them: each value least
 * significant bit first, six bits per character, most significant first.
 */
export function quadraticBomb(codes: number): string {
  const bits: number[] = [];
  const write = (value: number, count: number): void => {
    for (let i = 0; i < count; i++) bits.push((value >>> i) & 1);
  };
  write(0, 2); // an 8-bit literal follows
  write(97, 8); // 'a'
  let dictSize = 4;
  let enlargeIn = 4;
  let numBits = 3;
  for (let k = 0; k < codes; k++) {
    write(dictSize, numBits);
    dictSize++;
    enlargeIn--;
    if (enlargeIn === 0) {
      enlargeIn = 1 << numBits;
      numBits++;
    }
  }
  write(2, numBits); // end of stream
  let out = '';
  for (let i = 0; i < bits.length; i += 6) {
    let value = 0;
    for (let j = 0; j < 6; j++) value = value * 2 + (bits[i + j] ?? 0);
    out += ALPHABET[value];
  }
  return out;
}
