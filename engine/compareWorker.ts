/**
 * A second worker for A/B comparisons: runs two variants of a scenario headless, each from its own seed (the
 * same seed for both unless they differ on it), and returns both reports, their diff and each population's
 * read latency per second, so the page can overlay them. The main engine worker keeps running meanwhile.
 */
import { expose } from 'comlink';
import { diffReports, type DiffRow } from './export/reportDiff.ts';
import { parseScenario, formatIssues } from './scenario/parse.ts';
import type { Report } from './report.ts';
import { createSimulation } from './simulation.ts';

export interface RunSeries {
  /** Per population id: [startS, read p50 ms (NaN when none)] per second. */
  readonly readP50: Readonly<Record<string, readonly (readonly [number, number])[]>>;
  /** The same for writes. */
  readonly writeP50: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

export type CompareResult =
  | { readonly ok: true; readonly a: Report; readonly b: Report; readonly rows: readonly DiffRow[]; readonly seriesA: RunSeries; readonly seriesB: RunSeries }
  | { readonly ok: false; readonly errors: readonly string[] };

function run(input: unknown): { report: Report; series: RunSeries } | { errors: string[] } {
  const parsed = parseScenario(input);
  if (!parsed.ok) return { errors: formatIssues(parsed.issues) };
  const simulation = createSimulation(parsed.scenario);
  const readP50: Record<string, [number, number][]> = Object.fromEntries(parsed.scenario.users.map((u) => [u.id, []]));
  const writeP50: Record<string, [number, number][]> = Object.fromEntries(parsed.scenario.users.map((u) => [u.id, []]));
  while (!simulation.done) {
    simulation.advanceTo(simulation.timeS + 30);
    for (const window of simulation.takeWindows()) {
      window.users.forEach((w, u) => {
        const id = parsed.scenario.users[u]?.id ?? '';
        readP50[id]?.push([window.startS, w.readP50Ms]);
        writeP50[id]?.push([window.startS, w.writeP50Ms]);
      });
    }
  }
  return { report: simulation.report(), series: { readP50, writeP50 } };
}

const api = {
  /** Runs both variants to their end and compares them. */
  compare(a: unknown, b: unknown): CompareResult {
    const ra = run(a);
    if ('errors' in ra) return { ok: false, errors: ra.errors.map((e) => `A: ${e}`) };
    const rb = run(b);
    if ('errors' in rb) return { ok: false, errors: rb.errors.map((e) => `B: ${e}`) };
    return { ok: true, a: ra.report, b: rb.report, rows: diffReports(ra.report, rb.report), seriesA: ra.series, seriesB: rb.series };
  },
};

export type CompareApi = typeof api;

expose(api);
