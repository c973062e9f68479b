/**
 * The scenario schema, version 1: the single source of truth for a scenario's TypeScript types, the runtime
 * validation of untrusted input (URLs, files), the defaults, and the docs (docs/scenario.md and
 * docs/scenario.schema.json are generated from it by `npm run docs`).
 *
 * Units are in the field names: `...S` seconds of simulated time, `...Ms` milliseconds, `qps` requests per second.
 * Cross-field rules (unique ids, references between fields) live in ./rules.ts.
 */
import * as z from 'zod';

export const SCENARIO_VERSION = 1;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

const id = (what: string) =>
  z
    .string()
    .regex(ID_PATTERN, 'must be 1-40 letters, digits, "-", "_" or ".", starting with a letter or digit')
    .describe(`Identifier of the ${what}, unique among them.`);

const latitude = z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90');
const longitude = z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180');

const jurisdiction = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter code such as EU, US or JP')
  .describe('Legal area for data placement: "EU" for EU/EEA states, otherwise an ISO 3166 alpha-2 code.');

const displayName = z.string().max(80, 'must be at most 80 characters');

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
    writeRatio: z
      .number()
      .min(0, 'must be between 0 and 1')
      .max(1, 'must be between 0 and 1')
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

export const HealthCheckSchema = z
  .strictObject({
    intervalS: z.number().min(0.1, 'must be at least 0.1').max(3600, 'must be at most 3600').default(10).describe('Seconds between checks.'),
    timeoutS: z.number().min(0.01, 'must be at least 0.01').max(600, 'must be at most 600').default(2).describe('Seconds a check waits for an answer.'),
    failureThreshold: z.int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(3).describe('Consecutive failed checks that mark a region down.'),
    successThreshold: z.int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(2).describe('Consecutive passed checks that mark a region up again.'),
  })
  .describe('Health checks of the routing layer.');

export const RoutingSchema = z
  .strictObject({
    policy: z.enum(['geodns', 'anycast', 'global-lb', 'client']).default('geodns').describe('How users find a region.'),
    dnsTtlS: z.number().min(0, 'must be at least 0').max(86_400, 'must be at most 86,400').default(60).describe('DNS answer lifetime in seconds (geodns).'),
    healthCheck: HealthCheckSchema.prefault({}),
  })
  .describe('The routing layer between users and regions.');

export const DataSchema = z
  .strictObject({
    topology: z.enum(['active-passive', 'active-active', 'home-region']).default('active-passive').describe('Which regions accept writes.'),
    primary: z.string().optional().describe('Region id that takes writes in active-passive; defaults to the first region.'),
    replication: z.enum(['sync', 'semi-sync', 'async']).default('async').describe('When a write is acknowledged.'),
    conflict: z.enum(['lww', 'crdt', 'app-merge']).default('lww').describe('How concurrent writes to one key are resolved.'),
    reads: z.enum(['strong', 'bounded', 'session', 'eventual']).default('eventual').describe('Read consistency.'),
  })
  .describe('How data is placed, replicated and read.');

const atS = z.number().min(0, 'must be at least 0').describe('Simulated time of the fault in seconds.');

export const FaultSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('region-down'), atS, region: z.string().describe('Region id.') }),
      z.strictObject({ kind: z.literal('region-up'), atS, region: z.string().describe('Region id.') }),
    ],
    { error: 'must be one of: region-down, region-up' },
  )
  .describe('A scheduled fault.');

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
    routing: RoutingSchema.prefault({}),
    data: DataSchema.prefault({}),
    faults: z.array(FaultSchema).max(1000, 'must have at most 1000 faults').default([]),
  })
  .describe('A Meridian scenario: regions, users, routing, data and faults.');

/** A scenario as written by a person or a link: optional fields may be missing. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
/** A validated scenario with every default filled in: what the engine runs. */
export type Scenario = z.output<typeof ScenarioSchema>;
export type Region = Scenario['regions'][number];
export type User = Scenario['users'][number];
export type Fault = Scenario['faults'][number];
