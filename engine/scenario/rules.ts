/**
 * Rules that span fields, which the schema's shape cannot say: unique ids, references between fields, and the
 * choice between a catalogue region and a custom one.
 */
import { findCatalogRegion } from '../geo/catalog.ts';
import type { Scenario } from './schema.ts';

export interface ScenarioIssue {
  /** Where, e.g. `regions[2].lat`; empty for the whole scenario. */
  readonly path: string;
  readonly message: string;
}

/** Quotes a value from untrusted input for a message: short, and never more than plain text. */
export function quote(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}...` : value;
  return JSON.stringify(short);
}

export function checkScenarioRules(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const regionIds = new Set<string>();
  scenario.regions.forEach((region, i) => {
    const at = `regions[${i}]`;
    if (regionIds.has(region.id)) issues.push({ path: `${at}.id`, message: `duplicate region id ${quote(region.id)}` });
    regionIds.add(region.id);
    const hasPoint = region.lat !== undefined || region.lon !== undefined;
    if (region.catalog !== undefined) {
      if (!findCatalogRegion(region.catalog)) {
        issues.push({ path: `${at}.catalog`, message: `unknown catalogue region ${quote(region.catalog)}` });
      }
      if (hasPoint) issues.push({ path: at, message: 'give either catalog or lat and lon, not both' });
    } else if (region.lat === undefined || region.lon === undefined) {
      issues.push({ path: at, message: 'needs catalog (e.g. "aws:us-east-1") or both lat and lon' });
    }
  });

  const userIds = new Set<string>();
  scenario.users.forEach((user, i) => {
    if (userIds.has(user.id)) issues.push({ path: `users[${i}].id`, message: `duplicate user population id ${quote(user.id)}` });
    userIds.add(user.id);
  });

  const others = scenario.regions.length - 1;
  if (scenario.data.replication === 'semi-sync' && others > 0 && scenario.data.quorum > others) {
    issues.push({ path: 'data.quorum', message: `must be at most the number of other regions (${others})` });
  }
  const primary = scenario.data.primary;
  if (primary !== undefined && !regionIds.has(primary)) {
    issues.push({ path: 'data.primary', message: `no region has the id ${quote(primary)}` });
  }
  scenario.faults.forEach((fault, i) => {
    const at = `faults[${i}]`;
    const refs: [string, string][] = 'region' in fault ? [['region', fault.region]] : [['from', fault.from], ['to', fault.to]];
    for (const [field, ref] of refs) {
      if (!regionIds.has(ref)) issues.push({ path: `${at}.${field}`, message: `no region has the id ${quote(ref)}` });
    }
    if ('from' in fault && fault.from === fault.to) issues.push({ path: `${at}.to`, message: 'must differ from "from": a link joins two regions' });
    if (fault.atS > scenario.durationS) {
      issues.push({ path: `${at}.atS`, message: `is after the end of the run (durationS ${scenario.durationS})` });
    }
  });
  scenario.regions.forEach((region, i) => {
    if (region.autoscale && region.autoscale.maxCapacityQps < region.capacityQps) {
      issues.push({ path: `regions[${i}].autoscale.maxCapacityQps`, message: `must be at least capacityQps (${region.capacityQps})` });
    }
  });
  return issues;
}
