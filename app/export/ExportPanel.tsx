/**
 * Export the run: the report as JSON, every second's metrics as CSV, a Markdown incident report (previewed
 * here as text, printable), and the charts on screen as SVG or PNG. The run is paused while it is prepared.
 */
import { useEffect, useState } from 'react';
import type { EngineClient } from '../engine/engineClient.ts';
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { download, downloadBlob, fileNameOf } from '../share/download.ts';
import { captionOf, standaloneSvg, svgToPng, type ChartCaption } from './chartImage.ts';
import { formatClock } from '../controls/clock.ts';
import type { Report } from '../../engine/index.ts';

interface Prepared {
  readonly report: Report;
  readonly markdown: string;
  readonly csv: string;
}

const selectName = (s: AppState) => s.scenario.name;
const selectPlaying = (s: AppState) => s.playingChanged;
const selectTimeS = (s: AppState) => s.timeS;

function chartsOnScreen(footer: string): { title: string; svg: SVGSVGElement; caption: ChartCaption }[] {
  return [...document.querySelectorAll<HTMLElement>('figure.chart')].flatMap((figure) => {
    const svg = figure.querySelector<SVGSVGElement>('svg.chart__svg');
    const caption = captionOf(figure, footer);
    return svg ? [{ title: caption.title, svg, caption }] : [];
  });
}

/** Opens the incident report alone in a new window, as text (never HTML), and offers to print it. */
function printSummary(title: string, markdown: string): void {
  const printable = window.open('', '_blank');
  if (!printable) return;
  printable.document.title = `Meridian: ${title}`;
  const pre = printable.document.createElement('pre');
  pre.style.whiteSpace = 'pre-wrap';
  pre.style.font = '11pt/1.4 ui-monospace, monospace';
  pre.textContent = markdown;
  printable.document.body.append(pre);
  printable.print();
}

export function ExportPanel({ engine }: { engine: EngineClient }) {
  const name = useApp(selectName);
  const setPlaying = useApp(selectPlaying);
  const [prepared, setPrepared] = useState<Prepared | null | 'failed'>(null);
  const timeS = useApp(selectTimeS);
  const charts = chartsOnScreen(`${name} · at ${formatClock(timeS)} simulated · Meridian`);

  useEffect(() => {
    setPlaying(false);
    void engine.control((api) => api.exportRun()).then((result) => setPrepared(result ?? 'failed'));
  }, [engine, setPlaying]);

  if (prepared === null) return <p role="status">Preparing the export…</p>;
  if (prepared === 'failed') return <p role="alert">The engine could not prepare the export.</p>;
  // A report of 0 requests at 100% and a CSV of headers alone help nobody: say what to do instead.
  if (prepared.report.durationS <= 0)
    return (
      <p role="status" data-testid="export-nothing-yet">
        Nothing has run yet, so there is nothing to export. Press Play (or Step) and open Export again.
      </p>
    );
  return (
    <div className="export" data-testid="export-panel">
      <div className="share__row">
        <button type="button" onClick={() => download(fileNameOf(name, 'report.json'), `${JSON.stringify(prepared.report, null, 2)}\n`, 'application/json')}>
          Report (JSON)
        </button>
        <button type="button" onClick={() => download(fileNameOf(name, 'metrics.csv'), prepared.csv, 'text/csv')}>
          Metrics per second (CSV)
        </button>
        <button type="button" onClick={() => download(fileNameOf(name, 'incident.md'), prepared.markdown, 'text/markdown')}>
          Incident report (Markdown)
        </button>
        <button type="button" onClick={() => printSummary(name, prepared.markdown)}>
          Print summary
        </button>
      </div>
      {charts.length > 0 ? (
        <section aria-label="Charts">
          <h3 className="share__heading">Charts on screen</h3>
          <ul className="export__charts">
            {charts.map(({ title, svg, caption }, i) => (
              <li key={`${title}-${i}`}>
                {title}{' '}
                <button type="button" onClick={() => download(fileNameOf(title, 'svg'), standaloneSvg(svg, caption).text, 'image/svg+xml')}>
                  SVG
                </button>{' '}
                <button
                  type="button"
                  onClick={() => {
                    const { text, width, height } = standaloneSvg(svg, caption);
                    void svgToPng(text, width, height).then((blob) => downloadBlob(fileNameOf(title, 'png'), blob));
                  }}
                >
                  PNG
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h3 className="share__heading">Incident report</h3>
      <pre className="export__preview" data-testid="incident-report">
        {prepared.markdown}
      </pre>
    </div>
  );
}
