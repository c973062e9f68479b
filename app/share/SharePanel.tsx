/**
 * Sharing and files: the link (copy it, or select it from the box), fork into a new tab, JSON export and import
 * (file picker; files can also be dropped anywhere on the page), and the recent scenarios.
 */
import { useState } from 'react';
import { compactScenario } from '../../engine/scenario/compact.ts';
import { decodeScenarioHash, encodeScenarioHash } from '../../engine/scenario/url.ts';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { download, fileNameOf } from './download.ts';
import { readRecent } from './recent.ts';
import { browserStorage } from './storage.ts';
import { useImport } from './useImport.ts';
import { viewQuery } from '../store/librarySlice.ts';
import { formatClock } from '../controls/clock.ts';

const selectScenario = (s: AppState) => s.scenario;
const selectOpened = (s: AppState) => s.scenarioOpened;
const selectNotice = (s: AppState) => s.noticeShown;
const selectTimeS = (s: AppState) => Math.floor(s.timeS);

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
