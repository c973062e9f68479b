import { useContext, useState, type FormEvent } from 'react';
import { StoreContext } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { useThrottledApp } from '../store/useThrottledApp.ts';
import { faultFromDraft, faultSummary, faultTarget, isLinkKind, LINK_FAULT_KINDS, REGION_FAULT_KINDS, type FaultDraft, type FaultKind } from './faultList.ts';

const KIND_LABELS: Record<FaultKind, string> = {
  'region-down': 'Region down',
  'region-up': 'Region restored',
  'gray-failure': 'Gray failure',
  'capacity-loss': 'Capacity loss',
  partition: 'Partition link',
  'link-degrade': 'Degrade link',
  'link-heal': 'Heal link',
};

/** Seconds ahead of the clock a new fault is proposed at. */
const LEAD_S = 30;

const select = (s: AppState) => ({
  regionIds: s.scenario.regions.map((r) => r.id).join('\n'),
  nowS: Math.floor(s.timeS),
  durationS: s.scenario.durationS,
  faultInjected: s.faultInjected,
});

/** Schedules a fault at a future time (or injects it now): a region fault, or a link fault between two regions. */
export function ScheduleFaultForm() {
  // The clock moves every snapshot: follow it in a frame of its own (frameSlots), not the snapshot's.
  const { regionIds: joined, nowS, durationS, faultInjected } = useThrottledApp(select, 0);
  const store = useContext(StoreContext);
  const regionIds = joined === '' ? [] : joined.split('\n');
  const [draft, setDraft] = useState<Omit<FaultDraft, 'atS'> & { atText: string }>({
    kind: 'region-down',
    atText: '',
    region: '',
    from: '',
    to: '',
    addedMs: 200,
    errorRatePercent: 10,
    failsHealthChecks: false,
    fractionPercent: 50,
    lossPercent: 1,
    oneWay: false,
  });
  const change = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const region = regionIds.includes(draft.region) ? draft.region : (regionIds[0] ?? '');
  const from = regionIds.includes(draft.from) ? draft.from : (regionIds[0] ?? '');
  const to = regionIds.includes(draft.to) && draft.to !== from ? draft.to : (regionIds.find((id) => id !== from) ?? '');
  const proposedS = Math.min(durationS, nowS + LEAD_S);
  const link = isLinkKind(draft.kind);

  /** Adds the fault at `atS`; a time the run has passed means now (the store rounds to 0.1 s). */
  const submit = (atS: number) => {
    const exactNowS = store?.getState().timeS ?? nowS;
    faultInjected(faultFromDraft({ ...draft, region, from, to, atS: Math.max(atS, exactNowS) }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const typed = Number(draft.atText);
    submit(draft.atText.trim() === '' || !Number.isFinite(typed) ? proposedS : typed);
  };

  const preview = faultFromDraft({ ...draft, region, from, to, atS: 0 });
  return (
    <form className="fault-form" onSubmit={onSubmit} aria-labelledby="fault-form-title">
      <h3 className="fault-form__title" id="fault-form-title">
        Schedule a fault
      </h3>
      <div className="fault-form__row">
        <label>
          Kind
          <select value={draft.kind} onChange={(e) => change({ kind: e.target.value as FaultKind })} data-testid="fault-kind">
            <optgroup label="Region">
              {REGION_FAULT_KINDS.map((k) => (
                <option key={k} value={k}>{KIND_LABELS[k]}</option>
              ))}
            </optgroup>
            <optgroup label="Link between two regions">
              {LINK_FAULT_KINDS.map((k) => (
                <option key={k} value={k}>{KIND_LABELS[k]}</option>
              ))}
            </optgroup>
          </select>
        </label>
        <label>
          At (s)
          <input
            type="number"
            min={nowS}
            max={durationS}
            step={1}
            inputMode="numeric"
            placeholder={String(proposedS)}
            value={draft.atText}
            onChange={(e) => change({ atText: e.target.value })}
            data-testid="fault-at"
          />
        </label>
      </div>
      <div className="fault-form__row">
        {link ? (
          <>
            <label>
              From
              <select value={from} onChange={(e) => change({ from: e.target.value })} data-testid="fault-from">
                {regionIds.map((id) => (
                  <option key={id} value={id}>{id}</option>
                ))}
              </select>
            </label>
            <label>
              To
              <select value={to} onChange={(e) => change({ to: e.target.value })} data-testid="fault-to">
                {regionIds.filter((id) => id !== from).map((id) => (
                  <option key={id} value={id}>{id}</option>
                ))}
              </select>
            </label>
          </>
        ) : (
          <label>
            Region
            <select value={region} onChange={(e) => change({ region: e.target.value })} data-testid="fault-region">
              {regionIds.map((id) => (
                <option key={id} value={id}>{id}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      {(draft.kind === 'gray-failure' || draft.kind === 'link-degrade') && (
        <div className="fault-form__row">
          <label>
            Added ms
            <input type="number" min={0} max={600000} step={10} value={draft.addedMs} onChange={(e) => change({ addedMs: Number(e.target.value) })} />
          </label>
          {draft.kind === 'gray-failure' ? (
            <label>
              Errors %
              <input type="number" min={0} max={100} step={1} value={draft.errorRatePercent} onChange={(e) => change({ errorRatePercent: Number(e.target.value) })} />
            </label>
          ) : (
            <label>
              Loss %
              <input type="number" min={0} max={100} step={0.5} value={draft.lossPercent} onChange={(e) => change({ lossPercent: Number(e.target.value) })} />
            </label>
          )}
        </div>
      )}
      {draft.kind === 'gray-failure' && (
        <label className="fault-form__check">
          <input type="checkbox" checked={draft.failsHealthChecks} onChange={(e) => change({ failsHealthChecks: e.target.checked })} />
          Health checks see it
        </label>
      )}
      {draft.kind === 'capacity-loss' && (
        <div className="fault-form__row">
          <label>
            Capacity lost %
            <input type="number" min={0} max={100} step={5} value={draft.fractionPercent} onChange={(e) => change({ fractionPercent: Number(e.target.value) })} />
          </label>
        </div>
      )}
      {draft.kind === 'partition' && (
        <label className="fault-form__check">
          <input type="checkbox" checked={draft.oneWay} onChange={(e) => change({ oneWay: e.target.checked })} />
          One way only (from cannot reach to)
        </label>
      )}
      <p className="fault-form__preview">{`${faultTarget(preview)}: ${faultSummary(preview)}`}</p>
      <div className="fault-form__row">
        <button type="submit">Schedule</button>
        <button type="button" onClick={() => submit(0)}>
          Inject now
        </button>
      </div>
    </form>
  );
}
