import { memo, useCallback, useContext, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { Panel, ViewportPortal } from '@xyflow/react';
import { regionPlace } from '../../../engine/index.ts';
import type { Fault } from '../../../engine/index.ts';
import { StoreContext, useApp } from '../../store/context.ts';
import type { AppState } from '../../store/index.ts';
import { useThrottledApp } from '../../store/useThrottledApp.ts';
import { MAP_HEIGHT, MAP_WIDTH, project, projection } from '../projection.ts';
import { createPathCache, flowMarks, latencyBandLabels, linkPartitionedAt, trackKeyframes, type ArcMark, type FlowMark, type LinkMark, type Place } from './flowMarks.ts';
import './flow.css';

const selectUsers = (s: AppState) => s.scenario.users;
const selectRegions = (s: AppState) => s.scenario.regions;
const selectFrame = (s: AppState) => s.watch.latest;
const selectHighlighted = (s: AppState) => s.highlightedRegions;
const selectFaultInjected = (s: AppState) => s.faultInjected;
const selectPlaying = (s: AppState) => s.playing;
/** Partitioning a link by clicking it is an edit: not in the read-only present and embed views. */
const selectEditable = (s: AppState) => s.viewMode === 'edit';

const BAND_LABELS = latencyBandLabels();
/** Up to this many moving links, each carries two dots half a crossing apart; beyond, one (fewer layers). */
const PAIRED_DOTS_UP_TO = 8;

/** What the pointer (or keyboard focus) is on, and where on the page. */
interface Hover {
  readonly key: string;
  readonly x: number;
  readonly y: number;
}

type OnHover = (key: string | null, at?: { x: number; y: number }) => void;

/**
 * Over the world map, under the nodes: arcs from each population to the regions serving it, replication links
 * with dots that move at the pace of their lag (Web Animations the compositor runs), dark regions, and
 * rings on the regions a panel points at. Re-renders at the snapshot rate; an arc or link whose drawing did not
 * change is not touched, and the numbers live in one shared tooltip (text, never markup) rather than in every mark.
 */
export const FlowOverlay = memo(function FlowOverlay() {
  const users = useApp(selectUsers);
  const regions = useApp(selectRegions);
  // Every snapshot, in a frame of its own (the readout and the charts take others).
  const frame = useThrottledApp(selectFrame, 0);
  const highlighted = useApp(selectHighlighted);
  const faultInjected = useApp(selectFaultInjected);
  const store = useContext(StoreContext);
  const [hover, setHover] = useState<Hover | null>(null);
  // Open on a wide screen; folded where the map pane is narrow (it would cover most of the map).
  const [legendOpen] = useState(() => typeof window === 'undefined' || window.innerWidth >= 1280);
  const playing = useApp(selectPlaying);
  const editable = useApp(selectEditable);
  const reducedMotion = usePrefersReducedMotion();
  const pathOf = useMemo(() => createPathCache(projection), []);
  const userPlaces = useMemo(() => users.map((u): Place => ({ id: u.id, label: u.name ?? u.id, lat: u.lat, lon: u.lon })), [users]);
  const regionPlaces = useMemo(() => regions.map((r): Place => ({ id: r.id, label: r.name ?? r.id, ...regionPlace(r) })), [regions]);
  const moving = useRef<ReadonlySet<string>>(new Set());
  const marks = useMemo(() => {
    const next = flowMarks(userPlaces, regionPlaces, frame, pathOf, project, moving.current);
    moving.current = new Set(next.links.flatMap((l) => l.flows.map((f) => `${f.from}>${f.to}`)));
    return next;
  }, [userPlaces, regionPlaces, frame, pathOf]);

  const toggleLink = useCallback(
    (link: LinkMark): void => {
      const state = store?.getState();
      if (!state) return;
      const atS = state.timeS;
      const fault: Fault = linkPartitionedAt(state.scenario.faults, link.from, link.to, atS)
        ? { kind: 'link-heal', atS, from: link.from, to: link.to }
        : { kind: 'partition', atS, from: link.from, to: link.to, direction: 'both' };
      faultInjected(fault);
    },
    [store, faultInjected],
  );
  const flowCount = marks.links.reduce((n, l) => n + l.flows.length, 0);
  const onHover: OnHover = useCallback((key, at) => setHover(key === null || !at ? null : { key, ...at }), []);
  const hoverText = hover
    ? (marks.arcs.find((a) => `arc:${a.key}` === hover.key)?.title ?? linkText(marks.links.find((l) => `link:${l.key}` === hover.key), editable))
    : undefined;

  return (
    <>
      <ViewportPortal>
        <svg className="flow-overlay" width={MAP_WIDTH} height={MAP_HEIGHT} viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} data-testid="flow-overlay">
          <g className="flow-overlay__regions">
            {marks.regions.map((r) => (
              <g key={r.id} data-testid={`region-state:${r.id}`} data-dark={r.dark ? 'true' : 'false'} data-out={r.out ? 'true' : 'false'}>
                {r.dark && <circle className="flow-region--dark" cx={r.x} cy={r.y} r={16} />}
                {r.out && !r.dark && <circle className="flow-region--out" cx={r.x} cy={r.y} r={16} />}
                {highlighted.includes(r.id) && <circle className="flow-region--highlight" cx={r.x} cy={r.y} r={22} data-testid={`region-highlight:${r.id}`} />}
              </g>
            ))}
          </g>
          <g className="flow-overlay__links">
            {marks.links.map((link) => (
              <LinkView key={link.key} link={link} onToggle={editable ? toggleLink : null} onHover={onHover} />
            ))}
          </g>
          <g className="flow-overlay__arcs">
            {marks.arcs.map((arc) => (
              <ArcView key={arc.key} arc={arc} onHover={onHover} />
            ))}
          </g>
        </svg>
        {reducedMotion ? (
          <svg className="flow-overlay flow-overlay--marks" width={MAP_WIDTH} height={MAP_HEIGHT} viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} aria-hidden="true">
            {marks.links.map((link) =>
              link.flows.map((flow) => <path key={`${flow.from}>${flow.to}`} className="flow-link__still" d={flow.d} data-testid={`flow:${flow.from}:${flow.to}`} />),
            )}
          </svg>
        ) : (
          // Moving marks are small HTML layers animated by transform (Web Animations): the compositor moves them,
          // so neither the main thread nor a repaint of the arcs is needed per frame.
          <div className="flow-dots" aria-hidden="true">
            {marks.links.map((link) =>
              link.flows.map((flow) => <FlowDots key={`${flow.from}>${flow.to}`} flow={flow} playing={playing} pair={flowCount <= PAIRED_DOTS_UP_TO} />),
            )}
          </div>
        )}
      </ViewportPortal>
      {hover &&
        hoverText !== undefined &&
        createPortal(
          <div className="flow-tooltip" role="tooltip" data-testid="flow-tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
            {hoverText}
          </div>,
          document.body,
        )}
      <Panel position="top-right" className="flow-legend" aria-label="Map legend">
        <details open={legendOpen}>
          <summary className="flow-legend__summary">Legend</summary>
          <div className="flow-legend__title">Users to region, read p50</div>
          <ul className="flow-legend__list flow-legend__list--bands">
            {BAND_LABELS.map((label, band) => (
              <li key={label}>
                <span className={`flow-legend__swatch flow-arc--band${band}`} aria-hidden="true" />
                {label}
              </li>
            ))}
          </ul>
          <div className="flow-legend__note">Width: share of the population's traffic; red dashed: failing</div>
          <div className="flow-legend__title">Replication</div>
          <ul className="flow-legend__list">
            <li>
              <span className="flow-legend__line" aria-hidden="true" />
              writes flowing (slower: more lag)
            </li>
            <li>
              <span className="flow-legend__line is-partitioned" aria-hidden="true" />
              partitioned (click a link)
            </li>
          </ul>
          <div className="flow-legend__note">Dark disc: region down; dashed ring: out of rotation</div>
        </details>
      </Panel>
    </>
  );
});

export default FlowOverlay;

const pointerAt = (event: PointerEvent) => ({ x: event.clientX, y: event.clientY });
const linkText = (link: LinkMark | undefined, editable: boolean): string | undefined => (link && editable ? `${link.title}\n${link.action}` : link?.title);
const focusAt = (event: FocusEvent<SVGElement>) => {
  const box = event.currentTarget.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
};

const LinkView = memo(
  function LinkView({ link, onToggle, onHover }: { link: LinkMark; onToggle: ((link: LinkMark) => void) | null; onHover: OnHover }) {
    const key = `link:${link.key}`;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      onToggle?.(link);
    };
    const interactive = onToggle
      ? {
          role: 'button',
          tabIndex: 0,
          'aria-label': `${link.partitioned ? 'Heal' : 'Partition'} the replication link between ${link.from} and ${link.to}`,
          onClick: () => onToggle(link),
          onKeyDown,
          onFocus: (event: FocusEvent<SVGPathElement>) => onHover(key, focusAt(event)),
          onBlur: () => onHover(null),
        }
      : {};
    return (
      <g className={`flow-link${link.partitioned ? ' is-partitioned' : ''}${link.held ? ' is-held' : ''}`}>
        <path className="flow-link__line" d={link.d} />
        <path
          className="flow-link__hit"
          d={link.d}
          data-testid={key}
          data-partitioned={link.partitioned ? 'true' : 'false'}
          data-editable={onToggle ? 'true' : 'false'}
          onPointerMove={(event) => onHover(key, pointerAt(event))}
          onPointerLeave={() => onHover(null)}
          {...interactive}
        />
      </g>
    );
  },
  // The marks are rebuilt every snapshot; a link that looks the same is left alone (its numbers are in the tooltip).
  (a, b) => a.onToggle === b.onToggle && a.onHover === b.onHover && a.link.d === b.link.d && a.link.partitioned === b.link.partitioned && a.link.held === b.link.held,
);

const ArcView = memo(
  function ArcView({ arc, onHover }: { arc: ArcMark; onHover: OnHover }) {
    const key = `arc:${arc.key}`;
    return (
      <path
        className={`flow-arc flow-arc--band${arc.band < 0 ? 'x' : arc.band}${arc.failing ? ' is-failing' : ''}`}
        d={arc.d}
        strokeWidth={arc.widthPx}
        data-testid={`arc:${arc.userId}:${arc.regionId}`}
        data-failing={arc.failing ? 'true' : 'false'}
        onPointerMove={(event) => onHover(key, pointerAt(event))}
        onPointerLeave={() => onHover(null)}
      />
    );
  },
  (a, b) => a.onHover === b.onHover && a.arc.d === b.arc.d && a.arc.widthPx === b.arc.widthPx && a.arc.band === b.arc.band && a.arc.failing === b.arc.failing,
);

/** True while the person asks for reduced motion (the marks then stand still on their links). */
function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const list = matchMedia(query);
    const onChange = () => setReduced(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

/**
 * Dots travelling a link (two half a crossing apart, or one), each taking `crossingS` to cross it: the pace
 * shows the lag. They stop while the run is paused.
 */
const FlowDots = memo(
  function FlowDots({ flow, playing, pair }: { flow: FlowMark; playing: boolean; pair: boolean }) {
    const first = useRef<HTMLSpanElement>(null);
    const second = useRef<HTMLSpanElement>(null);
    const animations = useRef<Animation[]>([]);
    const durationMs = flow.crossingS * 1000;
    // Created once per track; a new pace only retimes them (creating animations at every snapshot cost ~5 ms).
    useEffect(() => {
      const frames = trackKeyframes(flow.track, MAP_WIDTH).map((k) => ({ offset: k.offset, transform: `translate(${k.x}px, ${k.y}px)` }));
      animations.current = [first.current, second.current].flatMap((dot, i) =>
        dot && typeof dot.animate === 'function' ? [dot.animate(frames, { duration: durationMs, delay: (-i * durationMs) / 2, iterations: Infinity })] : [],
      );
      return () => {
        for (const animation of animations.current) animation.cancel();
        animations.current = [];
      };
      // durationMs is applied by the effect below; it must not re-create the animations.
    }, [flow.track, pair]);
    useEffect(() => {
      animations.current.forEach((animation, i) => {
        const timing = animation.effect?.getTiming();
        if (timing && timing.duration !== durationMs) animation.effect?.updateTiming({ duration: durationMs, delay: (-i * durationMs) / 2 });
        if (playing) animation.play();
        else animation.pause();
      });
    }, [playing, durationMs, flow.track, pair]);
    return (
      <>
        <span ref={first} className="flow-dot" data-testid={`flow:${flow.from}:${flow.to}`} />
        {pair && <span ref={second} className="flow-dot" />}
      </>
    );
  },
  (a, b) => a.playing === b.playing && a.pair === b.pair && a.flow.track === b.flow.track && a.flow.crossingS === b.flow.crossingS,
);
