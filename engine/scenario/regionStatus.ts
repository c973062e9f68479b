/** Whether a scenario's scheduled faults have a region dark at a given time: what the map shows. */
import type { Scenario } from './schema.ts';

/** True if, by `atS`, the last region-down or region-up fault of `regionId` was a region-down. */
export function regionDownAt(faults: Scenario['faults'], regionId: string, atS: number): boolean {
  let down = false;
  let lastS = Number.NEGATIVE_INFINITY;
  for (const fault of faults) {
    if (!('region' in fault) || fault.region !== regionId || fault.atS > atS || fault.atS < lastS) continue;
    if (fault.kind === 'region-down' || fault.kind === 'region-up') {
      down = fault.kind === 'region-down';
      lastS = fault.atS;
    }
  }
  return down;
}
