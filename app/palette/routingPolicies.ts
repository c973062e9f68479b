import type { Scenario } from '../../engine/index.ts';

export type RoutingPolicy = Scenario['routing']['policy'];

/** The four routing layers, as the palette and the inspector name them. */
export const ROUTING_POLICIES: readonly { readonly policy: RoutingPolicy; readonly label: string; readonly hint: string }[] = [
  { policy: 'geodns', label: 'GeoDNS', hint: 'Nearest region by geography, cached for the DNS TTL' },
  { policy: 'anycast', label: 'Anycast', hint: 'One address announced everywhere; BGP picks the nearest' },
  { policy: 'global-lb', label: 'Global L7 load balancer', hint: 'Edge proxies pick a healthy region by latency or weight' },
  { policy: 'client', label: 'Client-side SDK', hint: 'Clients probe every region and pick the fastest' },
];

export function routingLabel(policy: RoutingPolicy): string {
  return ROUTING_POLICIES.find((p) => p.policy === policy)?.label ?? policy;
}
