/**
 * The scenario schema, version 1: the single source of truth for a scenario's TypeScript types, the runtime
 * validation of untrusted input (URLs, files), the defaults, and the docs (docs/scenario.md and
 * docs/scenario.schema.json are generated from it by `npm run docs`).
 *
 * Units are in the field names: `...S` seconds of simulated time, `...Ms` milliseconds, `qps` requests per second.
 * Cross-field rules (unique ids, references between fields) live in ./rules.ts.
 */
import * as z from 'zod';
import { between, displayName, id, jurisdiction, latitude, longitude, regionRef, share } from './fields.ts';
import { RoutingSchema } from './routingSchema.ts';
import { FaultSchema } from './faultSchema.ts';

export { RoutingSchema, HealthCheckSchema } from './routingSchema.ts';
export { FaultSchema } from './faultSchema.ts';

export const SCENARIO_VERSION = 1;

export const RegionSchema = z
  .strictObject({
    id: id('region'),
    name: displayName.optional().describe('Label shown on the map; defaults to the id.'),
    catalog: z
      .string()
      .regex(/^(aws|gcp|azure|ibm):[a-z0-9-]{1,40}$/, 'must be provider:code, e.g. aws:us-east-1')
      .optional()
      .describe('A real cloud region as provider:code (aws, gcp, azure, ibm); its position comes from the catalogue.'),
    lat: latitude.optional().describe('Latitude in degrees, for a custom region (no catalog).'),
    lon: longitude.optional().describe('Longitude in degrees, for a custom region (no catalog).'),
    capacityQps: z
      .number()
      .positive('must be greater than 0')
      .max(10_000_000, 'must be at most 10,000,000')
      .default(1500)
      .describe('Requests per second the region serves at full utilisation.'),
    jurisdiction: jurisdiction.optional().describe('Overrides the catalogue jurisdiction; required for GDPR rules on a custom region.'),
    readServiceMs: z
      .number()
      .min(0, 'must be at least 0')
      .max(10_000, 'must be at most 10,000')
      .default(2)
      .describe('Median time in ms the region spends serving a read (the tail is log-normal).'),
    writeServiceMs: z
      .number()
      .min(0, 'must be at least 0')
      .max(10_000, 'must be at most 10,000')
      .default(5)
      .describe('Median time in ms the region spends committing a write locally (the tail is log-normal).'),
    weight: between(0, 1000).default(1).describe('Share of traffic under a weighted global load balancer, relative to the other regions.'),
    clockSkewMs: between(-60_000, 60_000).default(0).describe('How far the region\'s clock is ahead (negative: behind), ms: last-writer-wins timestamps carry it.'),
    autoscale: z
      .strictObject({
        maxCapacityQps: between(1, 10_000_000).describe('Ceiling the region can scale up to, in requests per second.'),
        delayS: between(0, 3600).default(180).describe('Seconds from the decision to scale until the new capacity serves (instances boot, warm up).'),
        targetUtilization: between(0.1, 1).default(0.7).describe('Utilisation the autoscaler aims for; it adds capacity when load is above it.'),
      })
      .optional()
      .describe('Optional autoscaling: capacity follows load up to a ceiling, after a delay.'),
  })
  .describe('A cloud region: a catalogue region (catalog) or a custom one anywhere (lat and lon).');

export const UserSchema = z
  .strictObject({
    id: id('user population'),
    name: displayName.optional().describe('Label shown on the map; defaults to the id.'),
    lat: latitude.describe('Latitude in degrees.'),
    lon: longitude.describe('Longitude in degrees.'),
    qps: z
      .number()
      .min(0, 'must be at least 0')
      .max(1_000_000, 'must be at most 1,000,000')
      .describe('Requests per second the population sends (Poisson arrivals).'),
    writeRatio: share()
      .default(0.1)
      .describe('Share of requests that are writes.'),
    jurisdiction: jurisdiction.optional(),
    lastMileMs: z
      .number()
      .min(0, 'must be at least 0')
      .max(1000, 'must be at most 1,000')
      .default(10)
      .describe('RTT in ms of the access network (home broadband, mobile) before the backbone.'),
  })
  .describe('A population of users at one place.');

export const WorkloadSchema = z
  .strictObject({
    keyCount: z.int('must be a whole number').min(1, 'must be at least 1').max(1_000_000_000, 'must be at most 1,000,000,000').default(100_000).describe('Number of distinct keys requests touch.'),
    zipfS: between(0, 3).default(0.99).describe('Skew of key popularity (Zipf exponent): 0 is uniform, about 1 is typical of real workloads.'),
    timeoutMs: between(1, 600_000).default(2000).describe('How long a client waits for an answer before it gives up, in ms.'),
    writeBytes: between(1, 100_000_000).default(1024).describe('Bytes a write puts on each replication link.'),
    responseBytes: between(0, 100_000_000).default(4096).describe('Bytes of each answer sent to a user (internet egress).'),
    overload: z
      .enum(['timeout', 'shed'])
      .default('timeout')
      .describe('Above capacity: requests queue and time out (timeout), or the region rejects the excess at once (shed).'),
  })
  .describe('What the user populations ask for, and how long they wait.');

export const CostSchema = z
  .strictObject({
    usdPerQpsHour: between(0, 1000)
      .default(0.0004)
      .describe('Compute price per QPS of provisioned capacity per hour, USD (about $0.20 an hour for an instance serving 500 QPS).'),
    transferUsdPerGb: between(0, 10)
      .optional()
      .describe('One price per GB for every link between regions, USD; by default each link is priced by its provider\'s table (AWS: the sender\'s published inter-region rate; engine/data/transferPrices.ts).'),
    interZoneUsdPerGb: between(0, 10).default(0.01).describe('Price per GB between zones of a region, USD.'),
    zonesPerRegion: z.int('must be a whole number').min(1, 'must be at least 1').max(10, 'must be at most 10').default(3).describe('Zones each write is copied to inside its region.'),
    egressUsdPerGb: between(0, 10).default(0.09).describe('Internet egress price per GB, USD.'),
    replicationCompression: between(0, 0.99).default(0).describe('Share of replication bytes saved by compression (the domain notes: 0.5-0.8).'),
  })
  .describe('Prices for the cost estimate.');

export const SimulationSchema = z
  .strictObject({
    mode: z
      .enum(['auto', 'exact', 'aggregate'])
      .default('auto')
      .describe('exact: every request is simulated through real multi-server queues; aggregate: queues as a fluid model and a sample of requests for latencies; auto: exact when the run has at most 2 million requests.'),
    samplesPerSecond: between(1, 1_000_000)
      .default(500)
      .describe('In aggregate mode, requests simulated one by one per second across all populations (shared by their QPS, at least 2 each); each stands for several real ones. More gives smoother per-second percentiles, and takes longer.'),
  })
  .describe('Fidelity of the simulation.');

export const DatasetSchema = z
  .strictObject({
    id: id('dataset'),
    class: z.enum(['pii', 'financial', 'health', 'anonymized', 'config']).describe('What kind of data it is.'),
    placement: z
      .enum(['home-only', 'jurisdiction', 'global'])
      .describe('Where it may live: the owner\'s home region only, regions in the owner\'s jurisdiction, or anywhere.'),
    pinned: z.boolean().default(true).describe('Whether replication honours the placement (false: copied everywhere, and flagged).'),
    share: between(0, 1).default(1).describe('Share of keys that belong to it, relative to the other datasets.'),
  })
  .describe('A dataset with a data class and a placement policy.');

export const DataSchema = z
  .strictObject({
    topology: z.enum(['active-passive', 'active-active', 'home-region']).default('active-passive').describe('Which regions accept writes.'),
    primary: regionRef('Region id that takes writes in active-passive; defaults to the first region.').optional(),
    promotion: z
      .enum(['automatic', 'manual'])
      .default('automatic')
      .describe('Active-passive: a standby is promoted when health checks find the primary down (automatic), or manualPromotionS later (manual).'),
    manualPromotionS: between(0, 86_400).default(300).describe('Manual promotion: seconds from detection until an operator promotes a standby.'),
    duringFailover: z
      .enum(['fail', 'queue'])
      .default('fail')
      .describe('Writes whose writer is down before a promotion: fail at once (at their timeout), or queue at the entry region and go to the new writer if it comes in time.'),
    homeFailover: z
      .enum(['same-jurisdiction', 'nearest', 'none'])
      .default('same-jurisdiction')
      .describe('Home-region: where a failed home region\'s data is promoted: the nearest healthy region in its jurisdiction, the nearest anywhere, or nowhere (its users\' writes fail).'),
    fencing: z.boolean().default(true).describe('Whether a former primary is fenced off when it comes back (false: it keeps taking writes: split brain).'),
    replication: z.enum(['sync', 'semi-sync', 'async']).default('async').describe('When a write is acknowledged.'),
    commitWaitMs: between(0, 10_000)
      .default(0)
      .describe('Spanner-like commit wait: ms a writer waits after committing, out of clock uncertainty, before it answers (Spanner: about 5 ms).'),
    quorum: z
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(199, 'must be at most 199')
      .default(1)
      .describe('Semi-sync: remote replicas that must apply a write before it is acknowledged (k of the n others).'),
    conflict: z.enum(['lww', 'crdt', 'app-merge']).default('lww').describe('How concurrent writes to one key are resolved.'),
    crdtType: z
      .enum(['counter', 'set', 'mv-register'])
      .default('counter')
      .describe('CRDT: the data type: a counter (increments add up), a set (adds union), a multi-value register (both values kept as siblings).'),
    mergeRule: z
      .enum(['max', 'union', 'sum', 'region-priority'])
      .default('max')
      .describe('App-merge: the application\'s rule: keep the larger value, the union, the sum, or the write of the region listed first.'),
    reads: z
      .enum(['strong', 'bounded', 'session', 'eventual'])
      .default('eventual')
      .describe('Read consistency: strong reads go to the leader; bounded ones to a replica no staler than boundedStalenessMs; session ones keep read-your-writes and monotonic reads; eventual ones take the local replica.'),
    boundedStalenessMs: between(0, 3_600_000).default(4800).describe('Bounded reads: the most stale a replica may be before the read goes to the leader, ms (CockroachDB follower reads: 4.8 s).'),
    datasets: z.array(DatasetSchema).max(20, 'must have at most 20 datasets').default([]).describe('Datasets for sovereignty checks; none: nothing is checked.'),
    replicationMbps: between(0.001, 1_000_000).default(100).describe('Bandwidth of each directed replication link, megabits per second.'),
    replicationBatchMs: between(0, 60_000).default(10).describe('Replication ships writes in batches at this interval, ms (0: each at once).'),
  })
  .describe('How data is placed, replicated and read.');

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().max(200, 'must be at most 200 characters').optional().describe('Optional link to docs/scenario.schema.json, for editors; ignored.'),
    version: z.literal(SCENARIO_VERSION, `must be ${SCENARIO_VERSION}`).describe('Schema version.'),
    name: displayName.default('Untitled scenario').describe('Title of the scenario.'),
    seed: z
      .int('must be a whole number')
      .min(0, 'must be between 0 and 4294967295')
      .max(4_294_967_295, 'must be between 0 and 4294967295')
      .default(1)
      .describe('Seed of the random numbers: the same scenario and seed give the same run everywhere.'),
    durationS: z
      .number()
      .positive('must be greater than 0')
      .max(86_400, 'must be at most 86,400 (one day)')
      .default(600)
      .describe('Simulated seconds to run.'),
    regions: z
      .array(RegionSchema)
      .min(1, 'must have at least one region')
      .max(200, 'must have at most 200 regions'),
    users: z.array(UserSchema).max(1000, 'must have at most 1000 user populations').default([]),
    workload: WorkloadSchema.prefault({}),
    routing: RoutingSchema.prefault({}),
    data: DataSchema.prefault({}),
    faults: z.array(FaultSchema).max(1000, 'must have at most 1000 faults').default([]),
    cost: CostSchema.prefault({}),
    simulation: SimulationSchema.prefault({}),
  })
  .describe('A Meridian scenario: regions, users, routing, data and faults.');

/** A scenario as written by a person or a link: optional fields may be missing. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
/** A validated scenario with every default filled in: what the engine runs. */
export type Scenario = z.output<typeof ScenarioSchema>;
export type Region = Scenario['regions'][number];
export type User = Scenario['users'][number];
export type Fault = Scenario['faults'][number];
