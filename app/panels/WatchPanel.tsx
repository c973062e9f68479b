/**
 * The "Watch" side panel, loaded on demand (React.lazy) so d3's scales and shapes stay out of the first chunk:
 * the latency chart, then charts, the failover timeline and the inspectors in tabs, so only the open tab's views
 * render as snapshots stream in.
 */
import type { KeyboardEvent } from 'react';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { AvailabilityChart } from '../charts/AvailabilityChart.tsx';
import { ConflictsChart } from '../charts/ConflictsChart.tsx';
import { CostChart } from '../charts/CostChart.tsx';
import { FailoverTimeline } from '../charts/FailoverTimeline.tsx';
import { LagChart } from '../charts/LagChart.tsx';
import { LatencyChart } from '../charts/LatencyChart.tsx';
import { LoadChart } from '../charts/LoadChart.tsx';
import { RttMatrix } from '../charts/RttMatrix.tsx';
import { ComplianceViolations, ConflictInspector, LostWriteLedger, ReadConsistencyPanel } from './Inspectors.tsx';
import './watch.css';

const TABS = [
  { id: 'health', label: 'Health' },
  { id: 'replication', label: 'Replication' },
  { id: 'failover', label: 'Failover' },
  { id: 'data', label: 'Data' },
  { id: 'cost', label: 'Cost' },
] as const;
type TabId = (typeof TABS)[number]['id'];
const selectTab = (s: AppState) => s.watchTab;
const selectTabChosen = (s: AppState) => s.watchTabChosen;

function TabContent({ tab }: { tab: TabId }) {
  switch (tab) {
    case 'health':
      return (
        <>
          <AvailabilityChart />
          <LoadChart />
        </>
      );
    case 'replication':
      return (
        <>
          <LagChart />
          <ConflictsChart />
          <RttMatrix />
        </>
      );
    case 'failover':
      return (
        <>
          <FailoverTimeline />
          <LostWriteLedger />
        </>
      );
    case 'data':
      return (
        <>
          <ConflictInspector />
          <ReadConsistencyPanel />
          <ComplianceViolations />
        </>
      );
    case 'cost':
      return <CostChart />;
  }
}

export default function WatchPanel() {
  const tab = useApp(selectTab);
  const setTab = useApp(selectTabChosen);
  const onKeyDown = (event: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(i + step + TABS.length) % TABS.length] as (typeof TABS)[number];
    setTab(next.id);
    document.getElementById(`watch-tab-${next.id}`)?.focus();
  };
  return (
    <section className="watch" aria-label="Watch the run" data-testid="watch-panel">
      <LatencyChart />
      <div className="watch__tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`watch-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls="watch-tabpanel"
            tabIndex={tab === t.id ? 0 : -1}
            className={`watch__tab${tab === t.id ? ' is-active' : ''}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="watch-tabpanel" role="tabpanel" aria-labelledby={`watch-tab-${tab}`} className="watch__panel">
        <TabContent tab={tab} />
      </div>
    </section>
  );
}
