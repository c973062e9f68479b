/**
 * Sharing and files: the link (copy it, or select it from the box), fork into a new tab, JSON export and import
 * (file picker; files can also be dropped anywhere on the page), and the recent scenarios.
 */
import { useState } from 'react';
import { compactScenario } from '../../engine/index.ts';
import { decodeScenarioHash, encodeScenarioHash } from '../../engine/index.ts';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { download, fileNameOf } from './download.ts';
import { readRecent } from './recent.ts';
import { browserStorage } from './storage.ts';
import { useImport } from './useImport.ts';
import { viewQuery } from '../store/librarySlice.ts';
import { formatClock } from '../controls/clock.ts';
import { encodeRunHash, toRunDocument } from '../../engine/index.ts';

const selectScenario = (s: AppState) => s.scenario;
const selectOpened = (s: AppState) => s.scenarioOpened;
const selectNotice = (s: AppState) => s.noticeShown;
const selectTimeS = (s: AppState) => Math.floor(s.timeS);
const selectRecord = (s: AppState) => s.runRecord;

export function SharePanel({ onDone }: { onDone: () => void }) {
  const scenario = useApp(selectScenario);
  const opened = useApp(selectOpened);
  const notice = useApp(selectNotice);
  const importFile = useImport(onDone);
  const timeS = useApp(selectTimeS);
  const [atMoment, setAtMoment] = useState(false);
  const view = useApp((s) => viewQuery(s.speed, s.viewMode, s.activePreset?.id ?? null, atMoment ? timeS : 0));
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const link = `${window.location.origin}${window.location.pathname}${view}#${encodeScenarioHash(scenario)}`;
  const recent = readRecent(browserStorage());
  const record = useApp(selectRecord);
  const edits = record.edits.length;
  const runLink = `${window.location.origin}${window.location.pathname}${view}#${encodeRunHash(record)}`;
  const [runCopied, setRunCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copyRun = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(runLink);
      setRunCopied('yes');
    } catch {
      setRunCopied('failed');
    }
  };

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('failed'); // clipboard refused (permissions): the box below holds the link to copy by hand
    }
  };
  const fork = (): void => {
    const copyOf = { ...scenario, name: `${scenario.name.slice(0, 70)} (fork)` };
    window.open(`${window.location.pathname}${view}#${encodeScenarioHash(copyOf)}`, '_blank', 'noopener');
  };
  return (
    <div className="share" data-testid="share-panel">
      <section aria-label="Link">
        <h3 className="share__heading">Share this design</h3>
        <label className="share__label" htmlFor="share-link">
          Link to this scenario ({link.length.toLocaleString('en-US')} characters): seed, settings, faults and the view (speed, presenter mode)
        </label>
        <input id="share-link" className="share__link" data-testid="share-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <label className="share__option">
          <input type="checkbox" checked={atMoment} onChange={(e) => setAtMoment(e.currentTarget.checked)} data-testid="share-at-moment" />
          Open at this moment ({formatClock(timeS)}) rather than at the start; either way it opens paused
        </label>
        <div className="share__row">
          <button type="button" onClick={() => void copy()}>
            Copy link
          </button>
          <span role="status" className="share__status">
            {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Copying was refused: select the link above and copy it.' : ''}
          </span>
        </div>
        <div className="share__row">
          <button type="button" onClick={fork}>
            Fork in a new tab
          </button>
          <button type="button" onClick={() => download(fileNameOf(scenario.name, 'json'), `${JSON.stringify(compactScenario(scenario), null, 2)}\n`, 'application/json')}>
            Export JSON
          </button>
          <label className="share__file">
            Import JSON…
            <input
              type="file"
              accept="application/json,.json"
              data-testid="import-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void importFile(file);
                e.currentTarget.value = '';
              }}
            />
          </label>
        </div>
        <p className="share__hint">Drop a scenario, preset or drill file anywhere on the page to open it.</p>
      </section>
      <section aria-label="This run" data-testid="share-run">
        <h3 className="share__heading">Share this run</h3>
        <p className="share__hint">
          {edits === 0
            ? 'This run has no live edits yet: the link above replays it exactly.'
            : `The scenario as the run started, with the ${edits === 1 ? 'live edit' : `${edits} live edits`} made while it ran, each at its moment: whoever opens it sees the same run, number for number (it opens paused at 0).`}
        </p>
        <label className="share__label" htmlFor="share-run-link">
          Link to this run ({runLink.length.toLocaleString('en-US')} characters)
        </label>
        <input id="share-run-link" className="share__link" data-testid="share-run-link" readOnly value={runLink} onFocus={(e) => e.currentTarget.select()} />
        <div className="share__row">
          <button type="button" onClick={() => void copyRun()}>
            Copy run link
          </button>
          <button type="button" onClick={() => download(fileNameOf(`${record.base.name} run`, 'json'), `${JSON.stringify(toRunDocument(record), null, 2)}\n`, 'application/json')}>
            Export run JSON
          </button>
          <span role="status" className="share__status">
            {runCopied === 'yes' ? 'Copied.' : runCopied === 'failed' ? 'Copying was refused: select the link above and copy it.' : ''}
          </span>
        </div>
      </section>
      <section aria-label="Recent scenarios">
        <h3 className="share__heading">Recent</h3>
        {recent.length === 0 ? <p className="share__hint">Scenarios you open or share appear here.</p> : null}
        <ul className="share__recent">
          {recent.map((entry) => (
            <li key={entry.hash}>
              <button
                type="button"
                onClick={() => {
                  const decoded = decodeScenarioHash(entry.hash);
                  if (decoded.ok) {
                    opened(decoded.scenario);
                    onDone();
                  } else notice(`That recent scenario could not be opened: ${decoded.error}`, decoded.details);
                }}
              >
                {entry.name}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
