import { exp } from './math/index.ts';
import { exponential, normal, type Bits } from './ziggurat.ts';

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
  /** Exponential with the given rate (events per unit), e.g. the gap in seconds between Poisson arrivals (ziggurat.ts). */
  exponential(rate: number): number;
  /** Standard normal, by the ziggurat (ziggurat.ts). */
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
/** A generator for one named stream of one seed. */
export function createRandom(seed: number, stream = ''): Random {
  return new Sfc32(seed >>> 0, hashString(stream));
}

/**
 * The generator as a class: every stream shares its methods (one shape, one prototype), so the hot call sites
 * that draw from many streams stay monomorphic and are inlined.
 */
class Sfc32 implements Random, Bits {
  private a: number;
  private b: number;
  private c = 0x9e3779b9 | 0;
  private d = 1;

  constructor(a: number, b: number) {
    this.a = a | 0;
    this.b = b | 0;
    // Mix the seed in before the first draw, as the reference implementation does.
    for (let i = 0; i < 15; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  uniform(): number {
    return this.nextU32() / 4294967296;
  }

  exponential(rate: number): number {
    return exponential(this) / rate;
  }

  standardNormal(): number {
    return normal(this);
  }

  logNormal(median: number, sigma: number): number {
    return median * exp(sigma * normal(this));
  }
}
