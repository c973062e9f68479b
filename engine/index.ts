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
