import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { ROUTING_POLICIES } from '../palette/routingPolicies.ts';
import { Field } from './Field.tsx';

const selectPolicy = (s: AppState) => s.scenario.routing.policy;
const POLICY_CHOICES = ROUTING_POLICIES.map((p) => ({ value: p.policy, label: p.label }));
const hc = (field: string) => ['routing', 'healthCheck', field] as const;
const routing = (field: string) => ['routing', field] as const;

/** The routing layer: its policy, the settings that policy reads, and the health checks behind failover. */
export function RoutingInspector() {
  const policy = useApp(selectPolicy);
  return (
    <div data-testid="inspector-routing">
      <h3 className="inspector__title">Routing layer</h3>
      <Field path={routing('policy')} label="Policy" kind="choice" choices={POLICY_CHOICES} testId="inspector-routing-policy" />
      <p className="inspector__note">{ROUTING_POLICIES.find((p) => p.policy === policy)?.hint}</p>
      {policy === 'geodns' && (
        <>
          <Field path={routing('dnsTtlS')} label="DNS TTL" unit="s" testId="inspector-routing-ttl" />
          <Field path={routing('ignoreTtlShare')} label="Ignore TTL share" unit="0-1" />
          <Field path={routing('ignoreTtlHoldS')} label="Ignore TTL hold" unit="s" />
        </>
      )}
      {policy === 'anycast' && <Field path={routing('anycastConvergenceS')} label="BGP convergence" unit="s" />}
      {policy === 'global-lb' && (
        <>
          <Field path={routing('balance')} label="Balance by" kind="choice" />
          <Field path={routing('edgeRttMs')} label="Edge RTT" unit="ms" />
        </>
      )}
      {policy === 'client' && <Field path={routing('clientProbeIntervalS')} label="Probe interval" unit="s" />}
      <Field path={routing('propagationS')} label="Propagation" unit="s" />
      <h4 className="inspector__subtitle">Health checks</h4>
      <Field path={hc('intervalS')} label="Interval" unit="s" />
      <Field path={hc('timeoutS')} label="Timeout" unit="s" />
      <Field path={hc('failureThreshold')} label="Failures to mark down" />
      <Field path={hc('successThreshold')} label="Passes to mark up" />
    </div>
  );
}
