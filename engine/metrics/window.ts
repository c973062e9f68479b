/**
 * The metrics window: what the simulation measures each simulated second, for the map, the charts and exports
 * (per population, per region, per directed link, and the run's totals). Its wire form is in snapshot.ts.
 */

/** Region state bits (RegionWindows.state). */
export const REGION_DARK = 1;
export const REGION_GRAY = 2;
/** The routing layer has taken the region out of rotation (health verdict). */
export const REGION_OUT = 4;
/** The region takes the writes (active-passive primary, after any promotion). */
export const REGION_WRITER = 8;

/** Link state bits (LinkWindows.state). */
export const LINK_PARTITIONED = 1;
/** Added latency or packet loss on the link. */
export const LINK_DEGRADED = 2;
/** One end of the link is dark, so it holds writes back. */
export const LINK_END_DARK = 4;

export interface UserWindow {
  readonly readP50Ms: number;
  readonly readP99Ms: number;
  readonly writeP50Ms: number;
  readonly writeP99Ms: number;
  /** Requests that completed successfully in the window (weighted). */
  readonly ok: number;
  readonly failed: number;
  /** Index of the region that served most of the window's requests, -1 for none. */
  readonly servedBy: number;
}

/** Counts over the run so far, at the window's end (cumulative: the UI differences them for rates). */
export interface WindowTotals {
  /** Concurrent writes to one key in two regions (pairs, weighted). */
  readonly conflicts: number;
  /** Writes last-writer-wins discarded. */
  readonly conflictLostWrites: number;
  readonly conflictsMerged: number;
  readonly wrongWinner: number;
  /** Acknowledged writes lost with a region that went dark. */
  readonly ackedWritesLost: number;
  readonly reads: number;
  readonly staleReads: number;
  /** Cost of the run so far, USD: the total and its parts (see engine/data/cost.ts). */
  readonly costUsd: number;
  readonly computeUsd: number;
  readonly idleComputeUsd: number;
  readonly replicationUsd: number;
  readonly interZoneUsd: number;
  readonly egressUsd: number;
}

/** Per region, by region index. */
export interface RegionWindows {
  /** Capacity at the window's end, requests per second. */
  readonly capacityQps: Float64Array;
  /** Requests that failed at the region in the window (dark, errors, shed, timed out). */
  readonly dropped: Float64Array;
  /** REGION_* bits at the window's end. */
  readonly state: Float64Array;
}

/** Per directed replication link a -> b, at index a * R + b (the diagonal is zero). */
export interface LinkWindows {
  /**
   * Lag a write committed at the window's end would see on the link, ms: the one-way delay plus half a batch
   * interval while the link flows; while it holds writes back (partition, dark end), how long it has held them.
   */
  readonly lagMs: Float64Array;
  /** Highest lag measured on the link over the run so far, ms (NaN before any write was applied). */
  readonly maxLagMs: Float64Array;
  /** Writes applied over the link in the window (weighted). */
  readonly applied: Float64Array;
  /** LINK_* bits at the window's end. */
  readonly state: Float64Array;
}

export interface MetricsWindow {
  /** Start of the window in simulated seconds; a window lasts one second. */
  readonly startS: number;
  readonly users: readonly UserWindow[];
  /** Requests each region served in the window (= its QPS over the second). */
  readonly regionServed: readonly number[];
  /** What the map and the charts watch; absent in hand-made windows (encoded as zeros / NaN). */
  readonly detail?: WindowDetail;
}

export interface WindowDetail {
  readonly totals: WindowTotals;
  /**
   * Share (0..1) of user u's requests that finished in the window which region r took (served or failed), at
   * u * R + r: where the population's traffic went. Failures that reached no region are left out.
   */
  readonly userShares: Float64Array;
  /** Share (0..1) of user u's finished requests that failed at region r (part of userShares), at u * R + r. */
  readonly userFailShares: Float64Array;
  readonly regions: RegionWindows;
  readonly links: LinkWindows;
}
