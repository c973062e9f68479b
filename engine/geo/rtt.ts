/**
 * Round-trip times between places, in milliseconds.
 *
 * Between two AWS regions at their catalogue positions the engine uses the measured median (cloudping, 1 year).
 * Everywhere else it estimates from geography with the fibre-graph model (latencyModel.ts, documented in
 * docs/latency-model.md): shortest paths over a graph of real fibre hubs, terrestrial routes and submarine
 * cables, so that detours (the Gulf to Israel through Europe, South America through Miami) cost what they cost.
 * Light in fibre covers 204 km per ms, so no estimate is below 0.98 ms per 100 km of great circle.
 */
import awsRttJson from './data/awsRtt.json' with { type: 'json' };
import { fibreFloorRttMs } from './fibre.ts';
import { worldFibreGraph } from './fibreGraph.ts';
import type { LatLon } from './greatCircle.ts';
import { createLatencyModel, type LatencyModel, type LatencyModelParams } from './latencyModel.ts';

export { FIBRE_KM_PER_MS, fibreFloorRttMs } from './fibre.ts';
export { INTRA_REGION_RTT_MS } from './latencyModel.ts';

/**
 * What the AWS matrix adds to the network RTT, in ms: cloudping times a TCP connect from a Lambda to a DynamoDB
 * endpoint, and its same-region figures (median 2.96 ms) sit 2.66 ms above zone-to-zone network RTT (GCP's
 * median 0.30 ms), both from data/regions.json. The model estimates network RTT (what two VMs see, as other
 * clouds publish it); compared with the AWS matrix it is `estimate + AWS_CONNECT_OVERHEAD_MS`.
 */
export const AWS_CONNECT_OVERHEAD_MS = 2.66;

/**
 * The model's global parameters, fitted to the AWS matrix (less AWS_CONNECT_OVERHEAD_MS) by
 * scripts/fit-latency-model.ts, minimising the mean absolute relative error over the 496 pairs: median error
 * 5.2%, p90 13.8% (leaving each region out in turn: 5.4%, 14.0%); see docs/latency-model.md. baseMs sits at its
 * lower bound (INTRA_REGION_RTT_MS): the fixed costs are carried by hopMs, about 3 ms per system a path uses.
 */
export const FITTED_LATENCY_PARAMS: LatencyModelParams = {
  landFactor: 1.354,
  seaFactor: 1.226,
  hopMs: 2.974,
  baseMs: 1,
  attachCount: 2,
  attachSlackKm: 150,
  directKm: 250,
};

/** The previous single-factor model, kept for comparison: path inflation over the great circle... */
export const SINGLE_FACTOR_INFLATION = 1.6;
/** ...and a fixed overhead in ms, both fitted to the AWS matrix (median error 12%, p90 35%). */
export const SINGLE_FACTOR_OVERHEAD_MS = 6;

/** RTT in ms by the single-factor model for two points `km` apart by great circle (for comparison only). */
export function singleFactorRttMs(km: number): number {
  return SINGLE_FACTOR_OVERHEAD_MS + SINGLE_FACTOR_INFLATION * fibreFloorRttMs(km);
}

let worldModel: LatencyModel | undefined;
function model(): LatencyModel {
  worldModel ??= createLatencyModel(worldFibreGraph, FITTED_LATENCY_PARAMS);
  return worldModel;
}

/** RTT in ms (both directions) estimated from geography alone, over the world fibre graph. */
export function estimatedRttMs(a: LatLon, b: LatLon): number {
  return model().estimatedRttMs(a, b);
}

/** Hub names along the path the estimate takes between a and b (e.g. Manama > ... > Marseille > ... > Tel Aviv); empty when the direct path is used. */
export function pathVia(a: LatLon, b: LatLon): string[] {
  return model().pathVia(a, b);
}

const awsIndex = new Map(awsRttJson.codes.map((code, i) => [code, i]));
const awsCount = awsRttJson.codes.length;

/** Measured median RTT in ms between two AWS region codes (e.g. `us-east-1`), or undefined if not measured. */
export function measuredAwsRttMs(codeA: string, codeB: string): number | undefined {
  const i = awsIndex.get(codeA);
  const j = awsIndex.get(codeB);
  if (i === undefined || j === undefined) return undefined;
  return awsRttJson.rttMs[i * awsCount + j] ?? undefined;
}

/** A place the network connects: a point, and the AWS region code when it is exactly an AWS catalogue region. */
export interface NetworkPlace extends LatLon {
  readonly awsCode?: string | undefined;
}

/** RTT in ms between two places: measured when both are (distinct) AWS regions, else estimated from geography. */
export function rttMs(a: NetworkPlace, b: NetworkPlace): number {
  if (a.awsCode !== undefined && b.awsCode !== undefined && a.awsCode !== b.awsCode) {
    const measured = measuredAwsRttMs(a.awsCode, b.awsCode);
    if (measured !== undefined) return measured;
  }
  return estimatedRttMs(a, b);
}
