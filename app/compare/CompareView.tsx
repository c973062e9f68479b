/**
 * A/B: the current scenario (A) against a variant (B) that changes one setting, both run to their end on the
 * same seed in a separate worker; the report's numbers side by side with which way each moved, and the read
 * latency of every population overlaid (A solid, B dashed).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { wrap, type Remote } from 'comlink';
import type { CompareApi, CompareResult } from '../../engine/compareWorker.ts';
import { changeSetting } from '../../engine/index.ts';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { overlayMarks } from './compareMarks.ts';
import { compareRow } from './compareRows.ts';
import { populationColor } from '../charts/palette.ts';

/** The settings a variant may change, with their choices. */
const VARIANTS: readonly { path: string; label: string; values: readonly (string | number)[] }[] = [
  { path: 'data.replication', label: 'Replication', values: ['sync', 'semi-sync', 'async'] },
  { path: 'routing.policy', label: 'Routing', values: ['geodns', 'anycast', 'global-lb', 'client'] },
  { path: 'data.conflict', label: 'Conflict resolution', values: ['lww', 'crdt', 'app-merge'] },
  { path: 'data.reads', label: 'Read consistency', values: ['strong', 'bounded', 'session', 'eventual'] },
  { path: 'data.topology', label: 'Topology', values: ['active-passive', 'active-active', 'home-region'] },
  { path: 'routing.dnsTtlS', label: 'DNS TTL, s', values: [30, 60, 300] },
];

const selectScenario = (s: AppState) => s.scenario;


export function CompareView() {
  const scenario = useApp(selectScenario);
  const [variant, setVariant] = useState(0);
  const setting = VARIANTS[variant] ?? VARIANTS[0]!;
  const currentValue = setting.path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], scenario);
  const [value, setValue] = useState<string | number>(() => setting.values.find((v) => v !== currentValue) ?? setting.values[0]!);
  const [result, setResult] = useState<CompareResult | 'running' | null>(null);
  const [kind, setKind] = useState<'readP50' | 'writeP50'>('readP50');
  const worker = useRef<{ worker: Worker; api: Remote<CompareApi> } | null>(null);

  useEffect(
    () => () => {
      worker.current?.worker.terminate();
    },
    [],
  );

  const run = async (): Promise<void> => {
    const changed = changeSetting(scenario, setting.path, value);
    if (!changed.ok) return setResult({ ok: false, errors: [changed.error] });
    worker.current?.worker.terminate(); // a newer comparison replaces a running one
    const w = new Worker(new URL('../../engine/compareWorker.ts', import.meta.url), { type: 'module', name: 'meridian-compare' });
    worker.current = { worker: w, api: wrap<CompareApi>(w) };
    setResult('running');
    try {
      setResult(await worker.current.api.compare(scenario, changed.scenario));
    } catch (error) {
      setResult({ ok: false, errors: [error instanceof Error ? error.message : String(error)] });
    }
  };

  const marks = useMemo(() => (result && result !== 'running' && result.ok ? overlayMarks(result.seriesA, result.seriesB, 640, 220, kind) : null), [result, kind]);
  const users = scenario.users.map((u) => u.id);
  return (
    <div className="compare" data-testid="compare-view">
      <div className="share__row">
        <span>A: this scenario. B: the same with</span>
        <label>
          <span className="visually-hidden">Setting</span>
          <select
            aria-label="Setting to change"
            value={variant}
            onChange={(e) => {
              const next = VARIANTS[Number(e.currentTarget.value)] ?? VARIANTS[0]!;
              setVariant(Number(e.currentTarget.value));
              setValue(next.values[0]!);
            }}
          >
            {VARIANTS.map((v, i) => (
              <option key={v.path} value={i}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <span>=</span>
        <select aria-label="Value for B" data-testid="compare-value" value={String(value)} onChange={(e) => setValue(typeof setting.values[0] === 'number' ? Number(e.currentTarget.value) : e.currentTarget.value)}>
          {setting.values.map((v) => (
            <option key={String(v)} value={String(v)}>
              {String(v)}
              {v === currentValue ? ' (as A)' : ''}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void run()} disabled={result === 'running'} data-testid="compare-run">
          {result === 'running' ? 'Running both…' : 'Run A and B'}
        </button>
      </div>
      <p className="share__hint">Both run to the end ({scenario.durationS} s simulated) with seed {scenario.seed}, in the background.</p>
      {result && result !== 'running' && !result.ok ? (
        <ul role="alert" className="compare__errors">
          {result.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {result && result !== 'running' && result.ok ? (
        <>
          <table className="compare__table" data-testid="compare-table">
            <thead>
              <tr>
                <th scope="col">measure</th>
                <th scope="col">A</th>
                <th scope="col">B</th>
                <th scope="col">B against A</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map(compareRow).map((row) => (
                <tr key={row.metric} data-metric={row.metric} data-verdict={row.verdict}>
                  <th scope="row">
                    {row.label}
                    {row.unit ? <span className="compare__unit">, {row.unit}</span> : null}
                  </th>
                  <td>{row.a}</td>
                  <td>{row.b}</td>
                  <td className={`compare__verdict compare__verdict--${row.verdict}`}>
                    {row.change ? `${row.change} ` : ''}
                    {row.verdict === 'n/a' ? '' : row.verdict}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {marks ? (
            <figure className="chart" data-testid="compare-chart">
              <figcaption className="chart__title">
                <select aria-label="Latency to overlay" value={kind} onChange={(e) => setKind(e.currentTarget.value === 'writeP50' ? 'writeP50' : 'readP50')}>
                  <option value="readP50">Read</option>
                  <option value="writeP50">Write</option>
                </select>{' '}
                latency p50 per second (ms): A solid, B dashed
              </figcaption>
              <svg viewBox={`0 0 ${marks.width} ${marks.height}`} className="chart__svg" role="img" aria-label={`${kind === 'readP50' ? 'Read' : 'Write'} latency of A and B over simulated time`}>
                {marks.yTicks.map((t) => (
                  <g key={`y${t.label}`}>
                    <line className="chart__grid" x1={44} x2={marks.width - 12} y1={t.at} y2={t.at} />
                    <text className="chart__tick" x={38} y={t.at} dy="0.32em" textAnchor="end">
                      {t.label}
                    </text>
                  </g>
                ))}
                {marks.xTicks.map((t) => (
                  <text key={`x${t.label}`} className="chart__tick" x={t.at} y={marks.height - 6} textAnchor="middle">
                    {t.label}
                  </text>
                ))}
                {marks.paths.map((p) => (
                  <path key={`${p.user}-${p.variant}`} d={p.d} fill="none" stroke={populationColor(users.indexOf(p.user))} strokeWidth={1.5} strokeDasharray={p.variant === 'B' ? '5 3' : undefined} />
                ))}
              </svg>
              <ul className="chart__legend">
                {users.map((id, i) => (
                  <li key={id}>
                    <span style={{ color: populationColor(i) }}>■</span> {id}
                  </li>
                ))}
              </ul>
            </figure>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
