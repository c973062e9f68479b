/**
 * Health checks of every region, as a routing layer's checkers run them: each region is probed every
 * intervalS (at its own phase), a probe fails when the region is dark, too slow to answer within timeoutS, or
 * (when a gray failure shows in checks) errors; failureThreshold consecutive failures mark it down and
 * successThreshold consecutive passes mark it up again. A failed probe is known when its timeout expires.
 */
import type { Conditions } from '../conditions.ts';
import type { Random } from '../random.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface Verdict {
  readonly region: number;
  readonly healthy: boolean;
  /** When the verdict was reached, in simulated seconds. */
  readonly atS: number;
}

export class HealthMonitor {
  /** The checkers' current view of each region (1 healthy). */
  readonly healthy: Uint8Array;
  private readonly failures: Uint16Array;
  private readonly successes: Uint16Array;

  constructor(
    regionCount: number,
    private settings: Scenario['routing']['healthCheck'],
    private readonly rng: Random,
  ) {
    this.healthy = new Uint8Array(regionCount).fill(1);
    this.failures = new Uint16Array(regionCount);
    this.successes = new Uint16Array(regionCount);
  }

  /** The first check time of a region: a random phase within one interval, so checks are not in lockstep. */
  firstCheckS(fromS: number): number {
    return fromS + this.rng.uniform() * this.settings.intervalS;
  }

  get intervalS(): number {
    return this.settings.intervalS;
  }

  updateSettings(settings: Scenario['routing']['healthCheck']): void {
    this.settings = settings;
  }

  /**
   * Runs the probe of region r sent at `sentS`; returns when its result is known and the verdict it changes
   * (if any). The caller schedules the result at `resultS` and applies the verdict then.
   */
  probe(r: number, conditions: Conditions): { readonly passed: boolean; readonly delayS: number } {
    const timeoutS = this.settings.timeoutS;
    if (conditions.isDark(r)) return { passed: false, delayS: timeoutS };
    const gray = conditions.grayOf(r);
    if (gray && gray.failsHealthChecks) {
      if (gray.addedMs / 1000 >= timeoutS) return { passed: false, delayS: timeoutS };
      if (this.rng.uniform() < gray.errorRate) return { passed: false, delayS: gray.addedMs / 1000 };
    }
    return { passed: true, delayS: (gray?.failsHealthChecks ? gray.addedMs : 0) / 1000 };
  }

  /** Records a probe result known at `atS`; returns the new verdict if it changed. */
  record(r: number, passed: boolean, atS: number): Verdict | undefined {
    if (passed) {
      this.failures[r] = 0;
      this.successes[r] = Math.min(65535, (this.successes[r] ?? 0) + 1);
      if (!this.healthy[r] && (this.successes[r] ?? 0) >= this.settings.successThreshold) {
        this.healthy[r] = 1;
        return { region: r, healthy: true, atS };
      }
    } else {
      this.successes[r] = 0;
      this.failures[r] = Math.min(65535, (this.failures[r] ?? 0) + 1);
      if (this.healthy[r] && (this.failures[r] ?? 0) >= this.settings.failureThreshold) {
        this.healthy[r] = 0;
        return { region: r, healthy: false, atS };
      }
    }
    return undefined;
  }
}
