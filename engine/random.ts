import { exp, log, sinCosTurn } from './math/index.ts';

/**
 * Seeded pseudo-random numbers. The engine's only source of randomness: it never calls Math.random.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes PractRand, and needs
 * nothing but 32-bit integer arithmetic, so Node and every browser produce the same sequence; the exponential,
 * normal and log-normal draws use engine/math/'s log, sine and cosine and exp, which give the same doubles everywhere too.
 * Each simulated entity draws from its own stream (`createRandom(seed, 'user:berlin')`), so adding a user
 * population does not shift the samples of the others: two variants of a scenario on one seed stay comparable.
 */
export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Exponential with the given rate (events per unit), e.g. the gap in seconds between Poisson arrivals. */
  exponential(rate: number): number;
  /** Standard normal, by Box-Muller (each pair of uniforms gives two normals; the second is kept for the next call). */
  standardNormal(): number;
  /** Log-normal with the given median and shape sigma: a right-skewed tail, as real latencies have. */
  logNormal(median: number, sigma: number): number;
}

/** 32-bit FNV-1a hash of a string, used to derive a stream's starting state from its name. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Box-Muller's sine and cosine, read at once after each call (one buffer for every stream: nothing allocates). */
const SIN_COS = new Float64Array(2);

/** A generator for one named stream of one seed. */
export function createRandom(seed: number, stream = ''): Random {
  let a = seed >>> 0;
  let b = hashString(stream);
  let c = 0x9e3779b9;
  let d = 1;
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Mix the seed in before the first draw, as the reference implementation does.
  for (let i = 0; i < 15; i++) nextU32();

  const uniform = (): number => nextU32() / 4294967296;
  let spare = Number.NaN;
  const standardNormal = (): number => {
    if (!Number.isNaN(spare)) {
      const value = spare;
      spare = Number.NaN;
      return value;
    }
    const u = 1 - uniform(); // (0, 1]: log(u) is finite
    const v = uniform();
    const radius = Math.sqrt(-2 * log(u));
    sinCosTurn(v, SIN_COS); // sin and cos of 2 pi v
    spare = radius * (SIN_COS[0] as number);
    return radius * (SIN_COS[1] as number);
  };
  return {
    uniform,
    exponential: (rate) => -log(1 - uniform()) / rate,
    standardNormal,
    logNormal: (median, sigma) => median * exp(sigma * standardNormal()),
  };
}
