/**
 * Meridian's engine: the public API used by the worker, the command line and tests.
 * Pure TypeScript over plain data: no DOM, no wall-clock time, no Math.random.
 */
export { createSimulation, runScenario, type Simulation } from './simulation.ts';
export type { Report, UserReport, RegionReport, LinkReport, LatencySummary } from './report.ts';
export { parseScenario, formatIssues, type ParseResult } from './scenario/parse.ts';
export { ScenarioSchema, SCENARIO_VERSION, type Scenario, type ScenarioInput, type Region, type User, type Fault } from './scenario/schema.ts';
export { defaultScenario } from './scenario/defaultScenario.ts';
export { encodeScenarioHash, decodeScenarioHash, type HashResult } from './scenario/url.ts';
export { catalogRegions, findCatalogRegion, type CatalogRegion } from './geo/catalog.ts';
export { greatCircleKm, type LatLon } from './geo/greatCircle.ts';
export { rttMs, estimatedRttMs, measuredAwsRttMs, fibreFloorRttMs, pathVia } from './geo/rtt.ts';
export { resolveRegion } from './world.ts';
export { encodeWindows, decodeWindows, type MetricsWindow, type UserWindow, type SnapshotMessage } from './snapshot.ts';
export { recordEdit, scenarioAt, removedFaults, forgetFaults, MAX_EDITS, type RunRecord, type TimedEdit, type EditResult } from './run/recordedRun.ts';
export { toRunDocument, parseRunDocument, isRunDocument, type RunDocument } from './run/runFile.ts';
export { encodeRunHash, decodeLink, type LinkResult } from './run/runLink.ts';
// What the app uses besides the above (scripts/check-imports.ts: the app imports the engine only from here).
export { type ConflictExample } from './data/conflicts.ts';
export { type LostWrite } from './data/replication.ts';
export { type Violation } from './data/sovereignty.ts';
export { type StepOutcome } from './drills/drillRun.ts';
export { type DrillStep } from './drills/drillSchema.ts';
export { DRILLS } from './drills/drills.ts';
export { changeSetting } from './drills/settingChange.ts';
export { clock } from './export/incidentReport.ts';
export { type DiffRow } from './export/reportDiff.ts';
export { regionPlace } from './geo/regionPlace.ts';
export { evaluateChecks, type CheckResult } from './outcomes/check.ts';
export { formatMetricValue } from './outcomes/metrics.ts';
export { PRESETS, type Preset } from './presets/presets.ts';
export { type FailoverReport, type ReadsReport } from './report.ts';
export { compactScenario } from './scenario/compact.ts';
export { latitude, longitude } from './scenario/fields.ts';
export { formatPath } from './scenario/parse.ts';
export { regionDownAt } from './scenario/regionStatus.ts';
export { LINK_END_DARK, LINK_PARTITIONED, REGION_DARK, REGION_OUT, REGION_WRITER, TOTAL_KEYS, snapshotStartS, type WindowDetail, type WindowTotals } from './snapshot.ts';
export { formatDurationS, formatMs } from './format/duration.ts';
