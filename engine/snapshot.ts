/**
 * Per-second metrics windows, and their compact wire form: one Float64Array the worker transfers (not copies)
 * to the UI several times a second.
 *
 * Layout: [windowCount, userCount, regionCount, then per window:
 *          startS, per user USER_FIELDS values, per region REGION_FIELDS values]
 * Latencies are in ms, NaN when the window had no such request.
 */
export const USER_FIELDS = 7;
export const REGION_FIELDS = 1;

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

export interface MetricsWindow {
  /** Start of the window in simulated seconds; a window lasts one second. */
  readonly startS: number;
  readonly users: readonly UserWindow[];
  /** Requests each region served in the window (= its QPS over the second). */
  readonly regionServed: readonly number[];
}

/** The windows and the ids they refer to, as sent from the worker. */
export interface SnapshotMessage {
  readonly userIds: readonly string[];
  readonly regionIds: readonly string[];
  /** Simulated time in seconds the engine has reached. */
  readonly timeS: number;
  readonly done: boolean;
  readonly data: Float64Array;
}

export function encodeWindows(windows: readonly MetricsWindow[], userCount: number, regionCount: number): Float64Array {
  const stride = 1 + userCount * USER_FIELDS + regionCount * REGION_FIELDS;
  const out = new Float64Array(3 + windows.length * stride);
  out[0] = windows.length;
  out[1] = userCount;
  out[2] = regionCount;
  let at = 3;
  for (const w of windows) {
    out[at++] = w.startS;
    for (let u = 0; u < userCount; u++) {
      const s = w.users[u];
      out[at++] = s?.readP50Ms ?? Number.NaN;
      out[at++] = s?.readP99Ms ?? Number.NaN;
      out[at++] = s?.writeP50Ms ?? Number.NaN;
      out[at++] = s?.writeP99Ms ?? Number.NaN;
      out[at++] = s?.ok ?? 0;
      out[at++] = s?.failed ?? 0;
      out[at++] = s?.servedBy ?? -1;
    }
    for (let r = 0; r < regionCount; r++) out[at++] = w.regionServed[r] ?? 0;
  }
  return out;
}

export function decodeWindows(data: Float64Array): MetricsWindow[] {
  const count = data[0] ?? 0;
  const userCount = data[1] ?? 0;
  const regionCount = data[2] ?? 0;
  const windows: MetricsWindow[] = [];
  let at = 3;
  const next = (): number => data[at++] as number;
  for (let i = 0; i < count; i++) {
    const startS = next();
    const users: UserWindow[] = [];
    for (let u = 0; u < userCount; u++) {
      users.push({
        readP50Ms: next(),
        readP99Ms: next(),
        writeP50Ms: next(),
        writeP99Ms: next(),
        ok: next(),
        failed: next(),
        servedBy: next(),
      });
    }
    const regionServed: number[] = [];
    for (let r = 0; r < regionCount; r++) regionServed.push(next());
    windows.push({ startS, users, regionServed });
  }
  return windows;
}
