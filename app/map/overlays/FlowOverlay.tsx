import { memo, useContext, useMemo, type KeyboardEvent } from 'react';
import { Panel, ViewportPortal } from '@xyflow/react';
import { regionPlace } from '../../../engine/geo/regionPlace.ts';
import type { Fault } from '../../../engine/scenario/schema.ts';
import { StoreContext, useApp } from '../../store/context.ts';
import type { AppState } from '../../store/index.ts';
import { MAP_HEIGHT, MAP_WIDTH, project, projection } from '../projection.ts';
import { createPathCache, flowMarks, latencyBandLabels, type LinkMark, type Place } from './flowMarks.ts';
import './flow.css';

const selectUsers = (s: AppState) => s.scenario.users;
const selectRegions = (s: AppState) => s.scenario.regions;
const selectFrame = (s: AppState) => s.watch.latest;
const selectHighlighted = (s: AppState) => s.highlightedRegions;
const selectFaultInjected = (s: AppState) => s.faultInjected;

const BAND_LABELS = latencyBandLabels();

/**
 * Over the world map, under the nodes: arcs from each population to the regions serving it, replication links
 * with marks that move at the pace of their lag (CSS animations, so no React work per frame), dark regions,
 * and rings on the regions a panel points at. Re-renders at the snapshot rate only.
 */
export const FlowOverlay = memo(function FlowOverlay() {
  const users = useApp(selectUsers);
  const regions = useApp(selectRegions);
  const frame = useApp(selectFrame);
  const highlighted = useApp(selectHighlighted);
  const faultInjected = useApp(selectFaultInjected);
  const store = useContext(StoreContext);
  const pathOf = useMemo(() => createPathCache(projection), []);
  const userPlaces = useMemo(() => users.map((u): Place => ({ id: u.id, label: u.name ?? u.id, lat: u.lat, lon: u.lon })), [users]);
  const regionPlaces = useMemo(() => regions.map((r): Place => ({ id: r.id, label: r.name ?? r.id, ...regionPlace(r) })), [regions]);
  const marks = useMemo(() => flowMarks(userPlaces, regionPlaces, frame, pathOf, project), [userPlaces, regionPlaces, frame, pathOf]);

  const toggleLink = (link: LinkMark): void => {
    const atS = store?.getState().timeS ?? 0;
    const fault: Fault = link.partitioned
      ? { kind: 'link-heal', atS, from: link.from, to: link.to }
      : { kind: 'partition', atS, from: link.from, to: link.to, direction: 'both' };
    faultInjected(fault);
  };
  const onKey = (link: LinkMark) => (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    toggleLink(link);
  };

  return (
    <>
      <ViewportPortal>
        <svg className="flow-overlay" width={MAP_WIDTH} height={MAP_HEIGHT} viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} data-testid="flow-overlay">
          <g className="flow-overlay__regions">
            {marks.regions.map((r) => (
              <g key={r.id} data-testid={`region-state:${r.id}`} data-dark={r.dark ? 'true' : 'false'} data-out={r.out ? 'true' : 'false'}>
                {r.dark && <circle className="flow-region--dark" cx={r.x} cy={r.y} r={16} />}
                {highlighted.includes(r.id) && <circle className="flow-region--highlight" cx={r.x} cy={r.y} r={22} data-testid={`region-highlight:${r.id}`} />}
              </g>
            ))}
          </g>
          <g className="flow-overlay__links">
            {marks.links.map((link) => (
              <g key={link.key} className={`flow-link${link.partitioned ? ' is-partitioned' : ''}${link.held ? ' is-held' : ''}`}>
                <path className="flow-link__line" d={link.d} />
                {link.flows.map((flow) => (
                  <path
                    key={`${flow.from}>${flow.to}`}
                    className="flow-link__marks"
                    d={flow.d}
                    style={{ animationDuration: `${flow.periodS}s` }}
                    data-testid={`flow:${flow.from}:${flow.to}`}
                  />
                ))}
                <path
                  className="flow-link__hit"
                  d={link.d}
                  data-testid={`link:${link.from}:${link.to}`}
                  data-partitioned={link.partitioned ? 'true' : 'false'}
                  role="button"
                  tabIndex={0}
                  aria-label={`${link.partitioned ? 'Heal' : 'Partition'} the link between ${link.from} and ${link.to}`}
                  onClick={() => toggleLink(link)}
                  onKeyDown={onKey(link)}
                >
                  <title>{link.title}</title>
                </path>
              </g>
            ))}
          </g>
          <g className="flow-overlay__arcs">
            {marks.arcs.map((arc) => (
              <path
                key={arc.key}
                className={`flow-arc flow-arc--band${arc.band < 0 ? 'x' : arc.band}`}
                d={arc.d}
                strokeWidth={arc.widthPx}
                data-testid={`arc:${arc.userId}:${arc.regionId}`}
                data-share={arc.share.toFixed(3)}
              >
                <title>{arc.title}</title>
              </path>
            ))}
          </g>
        </svg>
      </ViewportPortal>
      <Panel position="top-right" className="flow-legend" aria-label="Map legend">
        <div className="flow-legend__title">Users to region, read p50</div>
        <ul className="flow-legend__list">
          {BAND_LABELS.map((label, band) => (
            <li key={label}>
              <span className={`flow-legend__swatch flow-arc--band${band}`} aria-hidden="true" />
              {label}
            </li>
          ))}
        </ul>
        <div className="flow-legend__note">Width: share of the population's traffic</div>
        <div className="flow-legend__title">Replication</div>
        <ul className="flow-legend__list">
          <li>
            <span className="flow-legend__line" aria-hidden="true" />
            writes flowing (slower marks: more lag)
          </li>
          <li>
            <span className="flow-legend__line is-partitioned" aria-hidden="true" />
            partitioned (click a link to cut or heal it)
          </li>
        </ul>
      </Panel>
    </>
  );
});

export default FlowOverlay;
