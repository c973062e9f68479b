import { memo } from 'react';
import { useThrottledApp } from '../store/useThrottledApp.ts';
import type { AppState } from '../store/index.ts';
import { formatDurationS } from '../format/duration.ts';
import { conflictRow, ledgerRows, readFigures, violationRows } from './inspectorRows.ts';

/** A moment on the run's clock, to the millisecond ("76.012 s"); durations go through formatDurationS. */
const seconds = (s: number) => `${Math.round(s * 1000) / 1000} s`;
const signedMs = (v: number) => `${v >= 0 ? '+' : ''}${v} ms`;

// The panels below follow each report in a frame of their own (useThrottledApp with 0: frameSlots), not the
// snapshot's frame.
const selectLedger = (s: AppState) => ({ dataLoss: s.report?.dataLoss, hasReport: s.report !== null });

/** The acknowledged writes lost with a region that went dark: key, region, commit time, version. */
export const LostWriteLedger = memo(function LostWriteLedger() {
  const { dataLoss } = useThrottledApp(selectLedger, 0);
  const rows = ledgerRows(dataLoss?.ledger ?? []);
  const total = dataLoss?.ackedWritesLost ?? 0;
  return (
    <section className="inspector-panel" aria-labelledby="ledger-title" data-testid="lost-write-ledger">
      <h3 id="ledger-title" className="inspector-panel__title">
        Lost-write ledger <span className="chart__unit">({Math.round(total)} acknowledged writes lost, RPO {formatDurationS(dataLoss?.rpoS ?? 0)})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="panel__empty">No acknowledged write has been lost. Asynchronous replication loses the writes a failed region had not shipped yet.</p>
      ) : (
        <div className="inspector-panel__scroll" tabIndex={0} role="region" aria-label="Lost writes">
          <table className="inspector-table">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Region</th>
                <th scope="col">Committed</th>
                <th scope="col">Version</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-testid="ledger-row">
                  <td>{r.keyLabel}</td>
                  <td>{r.region}</td>
                  <td>{seconds(r.atS)}</td>
                  <td>v{r.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > rows.length && <p className="panel__note">The first {rows.length} of {Math.round(total)} are listed.</p>}
        </div>
      )}
    </section>
  );
});

const selectConflicts = (s: AppState) => ({ conflicts: s.report?.conflicts, policy: s.scenario.data.conflict });

/** Concurrent writes side by side: who wrote when, by true time and by timestamp, and what survived. */
export const ConflictInspector = memo(function ConflictInspector() {
  const { conflicts, policy } = useThrottledApp(selectConflicts, 0);
  const rows = (conflicts?.examples ?? []).map(conflictRow);
  return (
    <section className="inspector-panel" aria-labelledby="conflict-title" data-testid="conflict-inspector">
      <h3 id="conflict-title" className="inspector-panel__title">
        Conflicts{' '}
        <span className="chart__unit">
          ({Math.round(conflicts?.concurrentPairs ?? 0)} concurrent pairs, {Math.round(conflicts?.lwwDiscardedWrites ?? 0)} writes discarded by LWW (
          {Math.round(conflicts?.lwwDiscardedLaterWrites ?? 0)} of them the later write), {Math.round(conflicts?.mergedPairs ?? 0)} pairs merged; policy {policy})
        </span>
      </h3>
      {rows.length === 0 ? (
        <p className="panel__empty">No concurrent writes yet: they need two regions taking writes to the same key (active-active, or a split brain).</p>
      ) : (
        <ol className="conflicts" tabIndex={0} aria-label="Concurrent write pairs">
          {rows.map((row) => (
            <li key={row.key} className={`conflict${row.wrongWinner ? ' is-wrong' : ''}`} data-testid="conflict-row">
              <div className="conflict__head">
                key {row.dataKey} · {row.gapMs} ms apart
                {row.wrongWinner && <span className="conflict__badge">wrong winner (clock skew)</span>}
              </div>
              <div className="conflict__sides">
                {[row.first, row.second].map((side, i) => (
                  <div key={i} className={`conflict__side${side.lwwKeeps ? ' is-kept' : ''}`}>
                    <div className="conflict__region">{side.region}</div>
                    <div>true time {seconds(side.atS)}{side.reallyLater ? ' (later)' : ' (earlier)'}</div>
                    <div>timestamp {seconds(side.stampS)} ({signedMs(side.skewMs)})</div>
                    <div className="conflict__verdict">{side.lwwKeeps ? 'LWW keeps it' : 'LWW drops it'}</div>
                  </div>
                ))}
              </div>
              <dl className="conflict__outcomes">
                <dt>This run ({policy})</dt>
                <dd>{row.kept}</dd>
                <dt>Last-writer-wins</dt>
                <dd>{row.lww}</dd>
                <dt>A CRDT</dt>
                <dd>{row.crdt}</dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});

const selectReads = (s: AppState) => ({ reads: s.report?.reads, mode: s.scenario.data.reads });

/** Read consistency: how stale reads were, and which session guarantees broke. */
export const ReadConsistencyPanel = memo(function ReadConsistencyPanel() {
  const { reads, mode } = useThrottledApp(selectReads, 0);
  const figures = readFigures(reads);
  return (
    <section className="inspector-panel" aria-labelledby="reads-title" data-testid="read-consistency">
      <h3 id="reads-title" className="inspector-panel__title">
        Read consistency <span className="chart__unit">(reads: {mode})</span>
      </h3>
      {figures.length === 0 ? (
        <p className="panel__empty">Waiting for the engine's first report.</p>
      ) : (
        <dl className="figures">
          {figures.map((f) => (
            <div key={f.key} className={`figure${f.warn ? ' is-warn' : ''}`} data-testid={`read-${f.key}`}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
});

const selectCompliance = (s: AppState) => ({
  violations: s.report?.compliance.violations,
  regionIds: s.watch.regionIds,
  highlight: s.regionsHighlighted,
  highlighted: s.highlightedRegions,
});

/** Data-placement violations; pointing at one rings its regions on the map. */
export const ComplianceViolations = memo(function ComplianceViolations() {
  const { violations, regionIds, highlight, highlighted } = useThrottledApp(selectCompliance, 0);
  const rows = violationRows(violations ?? [], regionIds);
  return (
    <section className="inspector-panel" aria-labelledby="compliance-title" data-testid="compliance-violations">
      <h3 id="compliance-title" className="inspector-panel__title">
        Compliance violations <span className="chart__unit">({rows.length}; point at one to ring its regions on the map)</span>
      </h3>
      {rows.length === 0 ? (
        <p className="panel__empty">No data-placement violation. Declare datasets with a placement (data.datasets) to check sovereignty.</p>
      ) : (
        <ul className="violations" onMouseLeave={() => highlight([])}>
          {rows.map((row) => {
            const active = row.regions.length > 0 && row.regions.every((id) => highlighted.includes(id));
            return (
              <li key={row.key} data-testid="violation-row">
                <button
                  type="button"
                  className={`violation${active ? ' is-active' : ''}`}
                  aria-pressed={active}
                  onMouseEnter={() => highlight(row.regions)}
                  onFocus={() => highlight(row.regions)}
                  onBlur={() => highlight([])}
                  onClick={() => highlight(active ? [] : row.regions)}
                >
                  <span className="violation__kind">{row.kind}</span> <span className="violation__class">{row.dataClass}</span>{' '}
                  <span className="violation__route">
                    {row.from} -&gt; {row.to}
                  </span>{' '}
                  <span className="chart__unit">
                    ({Math.round(row.count)}x, first at {seconds(row.firstAtS)})
                  </span>
                  <span className="violation__detail">{row.detail}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
