/**
 * The timeline of each failure: when the region failed, when the health system detected it, when 99% of the
 * affected populations' traffic reached healthy regions (rerouted), and when the region was back in service
 * (recovered); plus the errors each population saw while it lasted (the error budget it burned).
 */

export interface FailoverRecord {
  readonly region: string;
  readonly kind: 'region-down' | 'gray-failure';
  readonly failedAtS: number;
  detectedAtS: number | null;
  reroutedAtS: number | null;
  recoveredAtS: number | null;
  /** Indices of populations that had at least 1% of their traffic on the region when it failed. */
  readonly affected: readonly number[];
  /** Failed requests of each population id (all populations) since the failure, as counted at its start. */
  readonly failedAtStart: ReadonlyMap<string, number>;
  errorsByUser: Record<string, number>;
  /** True once errorsByUser is final (a timeout after recovery). */
  errorsSettled: boolean;
  /** Active-passive: when a standby was promoted, and which. */
  promotedAtS: number | null;
  newPrimary: string | null;
  /** When the former primary came back unfenced and took writes alongside the new one. */
  splitBrainAtS: number | null;
}

/** A rerouting is complete when at most this share of the affected traffic still reaches unhealthy regions. */
export const REROUTED_SHARE = 0.99;

export class FailoverTimeline {
  readonly records: FailoverRecord[] = [];

  open(region: string, kind: FailoverRecord['kind'], atS: number, affected: readonly number[], failedSoFar: ReadonlyMap<string, number>): void {
    if (this.records.some((r) => r.region === region && r.recoveredAtS === null)) return; // already failing
    this.records.push({
      region,
      kind,
      failedAtS: atS,
      detectedAtS: null,
      reroutedAtS: affected.length === 0 ? atS : null,
      recoveredAtS: null,
      affected,
      failedAtStart: failedSoFar,
      errorsByUser: {},
      errorsSettled: false,
      promotedAtS: null,
      newPrimary: null,
      splitBrainAtS: null,
    });
  }

  /** Open records of a region. */
  openFor(region: string): FailoverRecord[] {
    return this.records.filter((r) => r.region === region && r.recoveredAtS === null);
  }

  /** Records still waiting to be rerouted. */
  awaitingReroute(): FailoverRecord[] {
    return this.records.filter((r) => r.reroutedAtS === null);
  }

  /**
   * Marks as rerouted, at `nowS`, each record whose affected populations now send at most 1% of their traffic
   * to unhealthy regions, while its failure lasts (one that ends first was never rerouted). `sharesOf` writes a
   * population's current shares per region into `out`.
   */
  checkRerouting(
    nowS: number,
    qpsOf: (u: number) => number,
    sharesOf: (u: number, out: Float64Array) => void,
    healthy: (r: number) => boolean,
    stillFailing: (record: FailoverRecord) => boolean,
    out: Float64Array,
  ): void {
    for (const record of this.records) {
      if (record.reroutedAtS !== null || record.recoveredAtS !== null || !stillFailing(record)) continue;
      let total = 0;
      let misrouted = 0;
      for (const u of record.affected) {
        const qps = qpsOf(u);
        sharesOf(u, out);
        total += qps;
        out.forEach((share, r) => {
          if (share > 0 && !healthy(r)) misrouted += qps * share;
        });
      }
      if (total === 0 || misrouted <= total * (1 - REROUTED_SHARE)) record.reroutedAtS = nowS;
    }
  }

  /**
   * Fills a record's error budget from the populations' failure counts now: final for `record`; for every
   * record not yet final when called without one (a report mid-run).
   */
  settleErrors(failedNow: ReadonlyMap<string, number>, record?: FailoverRecord): void {
    if (record) record.errorsSettled = true;
    for (const r of record ? [record] : this.records.filter((x) => !x.errorsSettled)) {
      const errors: Record<string, number> = {};
      for (const [id, failed] of failedNow) {
        const burned = failed - (r.failedAtStart.get(id) ?? 0);
        if (burned > 0) errors[id] = burned;
      }
      r.errorsByUser = errors;
    }
  }
}
