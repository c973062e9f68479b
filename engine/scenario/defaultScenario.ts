import type { ScenarioInput } from './schema.ts';

/**
 * The scenario the playground opens with: the classic active-passive layout of the domain notes, a US primary
 * with EU and APAC standbys, and users on four continents.
 */
export const defaultScenario: ScenarioInput = {
  version: 1,
  name: 'Active-passive, US primary',
  seed: 1,
  durationS: 600,
  regions: [
    { id: 'us-east', catalog: 'aws:us-east-1', capacityQps: 1500 },
    { id: 'eu-west', catalog: 'aws:eu-west-1', capacityQps: 1500 },
    { id: 'ap-northeast', catalog: 'aws:ap-northeast-1', capacityQps: 1500 },
  ],
  users: [
    { id: 'new-york', name: 'New York', lat: 40.71, lon: -74.01, qps: 400, writeRatio: 0.2, jurisdiction: 'US' },
    { id: 'berlin', name: 'Berlin', lat: 52.52, lon: 13.4, qps: 300, writeRatio: 0.2, jurisdiction: 'EU' },
    { id: 'sao-paulo', name: 'Sao Paulo', lat: -23.55, lon: -46.63, qps: 150, writeRatio: 0.2, jurisdiction: 'BR' },
    { id: 'tokyo', name: 'Tokyo', lat: 35.68, lon: 139.69, qps: 250, writeRatio: 0.2, jurisdiction: 'JP' },
  ],
  routing: { policy: 'geodns', dnsTtlS: 60, healthCheck: { intervalS: 10, timeoutS: 2, failureThreshold: 3 } },
  data: { topology: 'active-passive', primary: 'us-east', replication: 'async', conflict: 'lww', reads: 'eventual' },
  faults: [],
};
