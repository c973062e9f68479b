/**
 * A routing layer: which region a user population's requests enter, now. Four policies implement it, each
 * behaving as the real thing does on failure (see each file). Routers see health only through `routable`, the
 * routing layer's view (health verdicts after propagationS), and darkness only where the real system would
 * (anycast's BGP, a client's own probes). The interface they implement is in policy.ts.
 */
import { createAnycast } from './anycast.ts';
import { createClientSdk } from './clientSdk.ts';
import { createGeoDns } from './geoDns.ts';
import { createGlobalLb } from './globalLb.ts';
import type { Router, RoutingContext } from './policy.ts';

export type { Router, RoutingContext } from './policy.ts';

export function createRouter(context: RoutingContext): Router {
  switch (context.settings.policy) {
    case 'geodns':
      return createGeoDns(context);
    case 'anycast':
      return createAnycast(context);
    case 'global-lb':
      return createGlobalLb(context);
    case 'client':
      return createClientSdk(context);
  }
}
