import * as z from 'zod';
import { between } from './fields.ts';

/**
 * Health checks, as run by the routing layer's checkers. Defaults follow Route 53's fast checks (every 10 s,
 * 3 consecutive failures to mark down); the domain notes' timeline (confirmed at 5 s, rerouted at 10 s) is
 * intervalS 2, timeoutS 1, failureThreshold 3, routing.propagationS 5.
 */
export const HealthCheckSchema = z
  .strictObject({
    intervalS: between(0.1, 3600).default(10).describe('Seconds between checks of each region.'),
    timeoutS: between(0.01, 600).default(2).describe('Seconds a check waits for an answer before it counts as failed.'),
    failureThreshold: z.int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(3).describe('Consecutive failed checks that mark a region down.'),
    successThreshold: z.int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(2).describe('Consecutive passed checks that mark a region up again.'),
  })
  .describe('Health checks of the routing layer.');

export const RoutingSchema = z
  .strictObject({
    policy: z
      .enum(['geodns', 'anycast', 'global-lb', 'client'])
      .default('geodns')
      .describe('How users find a region: GeoDNS (nearest by geography, cached for the TTL), anycast (nearest by network, BGP), a global L7 load balancer, or a client SDK that probes.'),
    dnsTtlS: between(0, 86_400).default(60).describe('DNS answer lifetime in seconds (geodns). Resolvers re-resolve at staggered times within it.'),
    ignoreTtlShare: between(0, 1).default(0).describe('Share of clients that ignore the TTL and keep a cached answer for ignoreTtlHoldS (geodns).'),
    ignoreTtlHoldS: between(0, 86_400).default(900).describe('How long TTL-ignoring clients keep an answer, in seconds.'),
    anycastConvergenceS: between(0, 600).default(5).describe('Seconds BGP takes to withdraw a dark region\'s routes everywhere (anycast); each population converges at its own moment within it.'),
    propagationS: between(0, 3600).default(0).describe('Seconds from a health verdict to the routing layer acting on it (config push, DNS record update).'),
    edgeRttMs: between(0, 100).default(2).describe('RTT in ms from a user to the nearest edge point of presence (global-lb), on top of the access network.'),
    balance: z.enum(['latency', 'weighted']).default('latency').describe('How the global L7 balancer picks among healthy regions: lowest latency, or by region weight.'),
    clientProbeIntervalS: between(1, 86_400).default(30).describe('Seconds between the client SDK\'s latency probes of every region (client).'),
    healthCheck: HealthCheckSchema.prefault({}),
  })
  .describe('The routing layer between users and regions.');
