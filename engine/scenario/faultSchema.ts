import * as z from 'zod';
import { between, regionRef, share } from './fields.ts';

const atS = z.number().min(0, 'must be at least 0').describe('Simulated time of the fault in seconds.');
const region = regionRef();
const from = regionRef('One end of the link (region id).');
const to = regionRef('The other end of the link (region id).');

const FAULT_KINDS = ['region-down', 'region-up', 'gray-failure', 'capacity-loss', 'partition', 'link-degrade', 'link-heal'] as const;

/**
 * Faults, scheduled or injected live. Region faults: `region-down` (dark: no answer at all), `gray-failure`
 * (up, but slow and/or failing a share of requests), `capacity-loss`; `region-up` ends all of them.
 * Link faults between two regions: `partition` (both ways or one way), `link-degrade` (added latency, loss);
 * `link-heal` ends them.
 */
export const FaultSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('region-down'), atS, region }).describe('The region goes dark: nothing answers.'),
      z.strictObject({ kind: z.literal('region-up'), atS, region }).describe('The region is back to normal (ends down, gray failure and capacity loss).'),
      z
        .strictObject({
          kind: z.literal('gray-failure'),
          atS,
          region,
          addedMs: between(0, 600_000).default(0).describe('Extra latency in ms on every request the region serves.'),
          errorRate: share().default(0.5).describe('Share of requests the region fails.'),
          failsHealthChecks: z.boolean().default(false).describe('Whether health checks see it (true: checks fail; false: they pass, as gray failures often do).'),
        })
        .describe('The region stays up but serves badly.'),
      z
        .strictObject({
          kind: z.literal('capacity-loss'),
          atS,
          region,
          fraction: share().describe('Share of the region\'s capacity lost.'),
        })
        .describe('Part of the region\'s capacity is gone (a zone lost, a bad deploy).'),
      z
        .strictObject({
          kind: z.literal('partition'),
          atS,
          from,
          to,
          direction: z.enum(['both', 'one-way']).default('both').describe('both: no traffic either way; one-way: from cannot reach to.'),
        })
        .describe('The network between two regions is cut.'),
      z
        .strictObject({
          kind: z.literal('link-degrade'),
          atS,
          from,
          to,
          addedMs: between(0, 600_000).default(0).describe('Extra RTT in ms on the link.'),
          loss: share().default(0).describe('Share of exchanges that lose a packet and wait for a retransmission.'),
        })
        .describe('The link between two regions is slow or lossy.'),
      z.strictObject({ kind: z.literal('link-heal'), atS, from, to }).describe('The link between two regions is back to normal.'),
    ],
    { error: `must be one of: ${FAULT_KINDS.join(', ')}` },
  )
  .describe('A scheduled fault.');

export type FaultKind = (typeof FAULT_KINDS)[number];
