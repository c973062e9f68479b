/**
 * The Web Worker shell: exposes the engine to the UI through comlink for control calls (load, play, pause,
 * speed, live edits) and streams metrics windows over a MessagePort as transferred Float64Arrays, several
 * times a second. All simulation logic lives in the engine; this file only paces it against wall-clock time.
 */
import { expose } from 'comlink';
import { createSimulation, type Simulation } from './simulation.ts';
import { parseScenario, formatIssues } from './scenario/parse.ts';
import { encodeWindows, type SnapshotMessage } from './snapshot.ts';
import type { Report } from './report.ts';
import { parseDrill } from './drills/drills.ts';
import { DrillPlay, replayTo, type StepOutcome } from './drills/drillRun.ts';
import type { Drill } from './drills/drillSchema.ts';
import { incidentReport } from './export/incidentReport.ts';
import { metricsCsv, type WindowIds } from './export/metricsCsv.ts';
import type { MetricsWindow } from './metrics/window.ts';
import { RecordedRun, removedFaults, type RunRecord } from './run/recordedRun.ts';
import { isRunDocument, parseRunDocument, toRunDocument, type RunDocument } from './run/runFile.ts';

/** Real milliseconds between snapshots. */
const TICK_MS = 100;
/**
 * Real milliseconds of engine work per slice at "as fast as possible" and during a replay, before yielding to
 * messages: pings, pause and new commands are answered between slices even on a heavy scenario.
 */
const SLICE_MS = 50;
/** At most this much real time is caught up in one tick, so a slow engine falls behind instead of spiralling. */
const MAX_CATCHUP_S = 0.5;

export type Speed = 1 | 10 | 60 | 'max';

export interface LoadResult {
  readonly ok: boolean;
  readonly errors: readonly string[];
}

/** What a live edit did: when it took effect, and how many later edits the fork dropped (see recordedRun.ts). */
export interface EditOutcome extends LoadResult {
  readonly atS?: number;
  readonly dropped?: number;
}

let simulation: Simulation | undefined;
/**
 * The run outside drills: its first scenario and timed live edits, and the simulation playing them. Every replay
 * (seek, export) replays its record, so the numbers at any moment are the ones first seen there.
 */
let live: RecordedRun | undefined;
/** The drill being played, if any: its simulation is `simulation`, so the map and charts show it. */
let drillPlay: DrillPlay | undefined;
/** The scenario in effect (as last loaded, edited, or replayed to). */
let current: Simulation['scenario'] | undefined;
/** The scenario the last snapshot carried (a snapshot carries it when it changed). */
let publishedScenario: Simulation['scenario'] | undefined;
/** Increases with each seek and load; a replay in progress stops when it is no longer the latest. */
let seekGeneration = 0;
/** A replay is in progress; play and pause only say whether to play once it arrives. */
let seeking = false;
let playAfterSeek = false;
let port: MessagePort | undefined;
let playing = false;
let speed: Speed = 10;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastTickMs = 0;

/** Real milliseconds between reports attached to snapshots while playing, at least. */
const REPORT_MS = 1000;
/**
 * Building a report can cost far more than a window (over 100 ms on the default scenario, most of it the replica
 * values' convergence): reports are spaced so that they take at most a tenth of the engine's time.
 */
const REPORT_SHARE = 0.1;
let lastReportMs = Number.NEGATIVE_INFINITY;
let reportCostMs = 0;

function timedReport(sim: Simulation): Report {
  const startMs = performance.now();
  const report = sim.report();
  reportCostMs = performance.now() - startMs;
  lastReportMs = performance.now();
  return report;
}

/** `settled`: the run stands where it was asked to go (false for the windows published just before an edit). */
function publish(settled = true): void {
  if (!simulation || !port) return;
  const windows = simulation.takeWindows();
  const world = simulation.scenario;
  const data = encodeWindows(windows, world.users.length, world.regions.length);
  // The report rides along whenever the run stands still (end, pause, step, load, a finished seek), else about
  // once a second, or less often if it is expensive (also during a replay, which must not crawl).
  const now = performance.now();
  const spacingMs = Math.max(playing ? REPORT_MS : 0, reportCostMs / REPORT_SHARE);
  const withReport = simulation.done || (settled && !playing && !seeking) || now - lastReportMs >= spacingMs;
  const changed = world !== publishedScenario;
  publishedScenario = world;
  const message: SnapshotMessage = {
    userIds: world.users.map((u) => u.id),
    regionIds: world.regions.map((r) => r.id),
    timeS: simulation.timeS,
    done: simulation.done,
    data,
    ...(withReport ? { report: timedReport(simulation) } : {}),
    ...(changed ? { scenario: world } : {}),
    ...(live && !drillPlay ? { edits: { total: live.record.edits.length, applied: live.applied } } : {}),
  };
  port.postMessage(message, [data.buffer]);
}

/** What the worker advances: the recorded run (which applies its edits on the way), or a drill's simulation. */
type Advancing = Pick<Simulation, 'advanceTo' | 'timeS' | 'done'>;

/**
 * The recorded run when it is the one shown, else the simulation (a drill's). The windows closed before an edit
 * are published before it applies: a snapshot names its windows by one scenario's populations and regions, and
 * an edit may renumber them.
 */
function advancing(): Advancing | undefined {
  const run = live;
  if (!run || simulation !== run.simulation) return simulation;
  return {
    advanceTo: (timeS) => run.advanceTo(timeS, () => publish(false)),
    get timeS() {
      return run.timeS;
    },
    get done() {
      return run.done;
    },
  };
}

/** Advances `sim` one simulated second at a time towards `untilS` for at most `budgetMs` of real time. */
function advanceFor(sim: Advancing, budgetMs: number, untilS: number): void {
  const startMs = performance.now();
  while (!sim.done && sim.timeS < untilS && performance.now() - startMs < budgetMs) {
    sim.advanceTo(Math.min(untilS, sim.timeS + 1));
  }
}

function tick(): void {
  timer = undefined;
  if (!simulation || !playing) return;
  const now = performance.now();
  const elapsedS = Math.min(MAX_CATCHUP_S, (now - lastTickMs) / 1000);
  lastTickMs = now;
  const run = advancing() ?? simulation;
  if (speed === 'max') advanceFor(run, SLICE_MS, Number.POSITIVE_INFINITY);
  else run.advanceTo(run.timeS + elapsedS * speed);
  current = simulation.scenario;
  if (simulation.done) playing = false;
  publish();
  if (playing) timer = setTimeout(tick, speed === 'max' ? 0 : TICK_MS);
}

function parse(input: unknown): { ok: true; scenario: ReturnType<typeof createSimulation>['scenario'] } | LoadResult {
  const parsed = parseScenario(input);
  return parsed.ok ? { ok: true, scenario: parsed.scenario } : { ok: false, errors: formatIssues(parsed.issues) };
}

const api = {
  /** Gives the worker the port it streams snapshots on. */
  connect(snapshotPort: MessagePort): void {
    port = snapshotPort;
  },
  /**
   * Starts over at time 0, paused, with a scenario (a design) or a run document (a design and its timed live
   * edits: a shared run, or the run a crashed worker had), whose edits then replay at their times.
   */
  load(input: unknown): LoadResult {
    let record: RunRecord;
    if (isRunDocument(input)) {
      const run = parseRunDocument(input);
      if (!run.ok) return { ok: false, errors: [run.error, ...run.details] };
      record = run.record;
    } else {
      const parsed = parse(input);
      if (!('scenario' in parsed)) return parsed;
      record = { base: parsed.scenario, edits: [] };
    }
    api.pause();
    seekGeneration++;
    seeking = false;
    drillPlay = undefined;
    live = new RecordedRun(record);
    simulation = live.simulation;
    current = simulation.scenario;
    publish();
    return { ok: true, errors: [] };
  },
  /**
   * Applies an edited scenario to the running simulation from its current time on, and records it at that time.
   * At a moment in the past (after a seek back) the run forks: the edits after it are dropped (`dropped`).
   * `retroactive`: the edit takes back faults that already happened; they are removed from the run's history too.
   */
  update(input: unknown, retroactive = false): EditOutcome {
    const parsed = parse(input);
    if (!('scenario' in parsed)) return parsed;
    if (drillPlay || !live) {
      // A drill replays its own steps; its simulation takes the edit from now on.
      current = parsed.scenario;
      if (simulation) simulation.applyScenario(parsed.scenario);
      else simulation = createSimulation(parsed.scenario);
      publishedScenario = parsed.scenario;
      return { ok: true, errors: [] };
    }
    // Taking back a fault that already happened rewrites the run's history; the app then seeks to now.
    if (retroactive) live.forget(removedFaults(live.scenario.faults, parsed.scenario.faults));
    const result = live.edit(parsed.scenario);
    if (!result.ok) return { ok: false, errors: [result.error] };
    current = parsed.scenario;
    publishedScenario = parsed.scenario; // the app has it: it sent it
    return { ok: true, errors: [], atS: result.atS, dropped: result.dropped };
  },
  /** The run as a document (its first scenario and timed edits): for "share this run", a run file, a restart. */
  runDocument(): RunDocument | null {
    return live && !drillPlay ? toRunDocument(live.record) : null;
  },
  play(): void {
    if (seeking) playAfterSeek = true;
    if (seeking || !simulation || simulation.done || playing) return;
    playing = true;
    lastTickMs = performance.now();
    timer = setTimeout(tick, 0);
  },
  pause(): void {
    playAfterSeek = false;
    playing = false;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  },
  setSpeed(next: Speed): void {
    speed = next;
  },
  /** Pauses and advances exactly `deltaS` simulated seconds (clamped to the run's end), then publishes. */
  step(deltaS: number): void {
    if (seeking || !simulation || simulation.done || !(deltaS > 0)) return;
    api.pause();
    const run = advancing() ?? simulation;
    run.advanceTo(run.timeS + deltaS);
    current = simulation.scenario;
    publish();
  },
  /**
   * Goes to `timeS` by deterministic replay: a fresh simulation of the current scenario from its seed replaces the
   * running one and is advanced in slices, publishing as it goes (pings are answered in between); its first
   * snapshot starts at 0, so the UI rebuilds its series. The same scenario and seed give the same windows, so the
   * figures at any earlier moment are exactly those first seen there. Resolves false if a newer seek or load came first.
   */
  async seek(timeS: number): Promise<boolean> {
    if (!current) return false;
    const generation = ++seekGeneration;
    const resume = seeking ? playAfterSeek : playing;
    api.pause();
    playAfterSeek = resume;
    seeking = true;
    // The run's record replays with its edits at their times; a drill's simulation (no record) from its scenario.
    if (live && !drillPlay) {
      live = new RecordedRun(live.record);
      simulation = live.simulation;
    } else {
      simulation = createSimulation(current);
    }
    const replay = advancing() ?? simulation;
    const targetS = Math.max(0, timeS);
    publish();
    while (!replay.done && replay.timeS < targetS) {
      advanceFor(replay, SLICE_MS, targetS);
      current = simulation.scenario;
      publish();
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (generation !== seekGeneration) return false;
    }
    seeking = false;
    if (playAfterSeek) api.play();
    return true;
  },
  /** The engine's report of the run so far (also attached to snapshots about once a second), or null before a load. */
  report(): Report | null {
    return simulation?.report() ?? null;
  },
  /**
   * Starts a drill (validated here: the schema, its preset or scenario, its setting paths): its simulation
   * becomes the one shown, paused at 0. Returns the drill and the scenario it starts from, or the problems.
   */
  drillStart(input: unknown): DrillStart {
    const parsed = parseDrill(input);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    return showDrill(new DrillPlay(parsed.value.drill, parsed.value.scenario));
  },
  /** Does the drill's next step (a question's answer, or null), publishing what the run did. */
  drillStep(answer: number | null): DrillState | null {
    if (!drillPlay || drillPlay.done) return null;
    api.pause();
    const outcome = drillPlay.step(answer);
    current = drillPlay.scenario;
    publish();
    return stateOf(drillPlay, outcome);
  },
  /** Goes back to just before step `index`, replaying the steps before it from the seed (answers do not matter). */
  drillRewind(index: number): DrillState | null {
    if (!drillPlay) return null;
    return showDrill(replayTo(drillPlay.drill, drillPlay.base, Math.max(0, Math.floor(index))));
  },
  /**
   * The run so far, for export: the report as JSON, the incident report as Markdown, and every second's metrics
   * as CSV (windows are not kept as they stream, so they come from a replay of the scenario from its seed to now:
   * the same numbers, since the engine is deterministic; a drill's mid-run setting changes are the exception).
   */
  exportRun(): { readonly report: Report; readonly markdown: string; readonly csv: string } | null {
    if (!simulation || !current) return null;
    const report = simulation.report();
    // A replay of the run, with its edits at their times; each window named by the scenario it was closed under.
    const replay = live && !drillPlay ? new RecordedRun(live.record) : new RecordedRun({ base: current, edits: [] });
    const windows: MetricsWindow[] = [];
    const ids: WindowIds[] = [];
    const take = (): void => {
      const closed = replay.simulation.takeWindows();
      const named = { userIds: replay.scenario.users.map((u) => u.id), regionIds: replay.scenario.regions.map((r) => r.id) };
      for (const window of closed) {
        windows.push(window);
        ids.push(named);
      }
    };
    while (!replay.done && replay.timeS < simulation.timeS) {
      replay.advanceTo(Math.min(simulation.timeS, replay.timeS + 60), take);
      take();
    }
    const csv = metricsCsv(windows, ids);
    return { report, markdown: incidentReport(current, report), csv };
  },
  /** A liveness probe: answers at once unless the worker is stuck. */
  ping(): number {
    return simulation?.timeS ?? 0;
  },
};

/** A drill started, or why it could not be. */
export type DrillStart = DrillState | { readonly ok: false; readonly errors: readonly string[] };

export interface DrillState {
  readonly ok: true;
  readonly drill: Drill;
  /** The scenario as the drill's actions have made it so far. */
  readonly scenario: Simulation['scenario'];
  /** Index of the next step (steps.length when done). */
  readonly next: number;
  readonly timeS: number;
  /** Outcomes of the steps done so far, in order (questions carry no answer after a rewind). */
  readonly outcomes: readonly StepOutcome[];
  /** The outcome of the step just done, if this follows a step. */
  readonly last: StepOutcome | null;
}

function stateOf(play: DrillPlay, last: StepOutcome | null = null): DrillState {
  return { ok: true, drill: play.drill, scenario: play.scenario, next: play.next, timeS: play.simulation.timeS, outcomes: play.outcomes, last };
}

function showDrill(play: DrillPlay): DrillState {
  api.pause();
  seekGeneration++;
  seeking = false;
  drillPlay = play;
  simulation = play.simulation;
  current = play.scenario;
  publish();
  return stateOf(play);
}

/** A finished seek publishes once more, so the panels get the report of the moment it landed on. */
const seekByReplay = api.seek;
api.seek = async (timeS: number): Promise<boolean> => {
  const landed = await seekByReplay(timeS);
  if (landed && !seeking) publish();
  return landed;
};

export type EngineApi = typeof api;

expose(api);

