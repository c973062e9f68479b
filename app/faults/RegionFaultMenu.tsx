import { useContext, useLayoutEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { StoreContext, useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import type { Fault } from '../../engine/index.ts';
import { regionDownAt } from '../../engine/index.ts';
import { regionNodeElement } from './regionClicks.ts';
import type { UntimedFault } from './faultList.ts';

const select = (s: AppState) => ({
  regionId: s.faultMenuRegion,
  focusOnOpen: s.faultMenuFocused,
  close: s.faultMenuOpened,
  faultInjected: s.faultInjected,
  down: s.faultMenuRegion !== null && regionDownAt(s.scenario.faults, s.faultMenuRegion, s.timeS),
});

/** Where the menu opens: beside the region's node on the map, kept inside the window. */
function placeBeside(regionId: string): { left: number; top: number } {
  const rect = regionNodeElement(regionId)?.getBoundingClientRect();
  if (!rect) return { left: 16, top: 96 };
  return { left: Math.min(rect.right + 12, window.innerWidth - 300), top: Math.max(8, Math.min(rect.top - 8, window.innerHeight - 340)) };
}

/** The small menu a click on a region opens: fail it, restore it, or give it a gray failure or a capacity loss, now. */
export default function RegionFaultMenu() {
  const { regionId, focusOnOpen, close, faultInjected, down } = useApp(useShallow(select));
  const store = useContext(StoreContext);
  const menu = useRef<HTMLDivElement>(null);
  const [addedMs, setAddedMs] = useState(200);
  const [errorPercent, setErrorPercent] = useState(10);
  const [fractionPercent, setFractionPercent] = useState(50);
  const [place, setPlace] = useState({ left: 0, top: 0 });

  useLayoutEffect(() => {
    if (regionId === null) return;
    setPlace(placeBeside(regionId));
    // From the keyboard the menu takes the focus; a click leaves it (and the map's selection) where it is.
    if (focusOnOpen) menu.current?.querySelector('button')?.focus();
  }, [regionId, focusOnOpen]);

  // Escape and a press outside close it: RegionFaultMenuLayer listens, so they work while this code loads too.

  if (regionId === null) return null;
  /** Injects `fault` at the run's current time, then closes. */
  const inject = (fault: UntimedFault) => {
    faultInjected({ ...fault, atS: store?.getState().timeS ?? 0 } as Fault);
    close(null);
  };
  return (
    <div
      ref={menu}
      className="fault-menu"
      role="dialog"
      aria-label={`Faults for region ${regionId}`}
      data-testid="region-fault-menu"
      style={{ left: place.left, top: place.top }}
    >
      <p className="fault-menu__title">
        {regionId} <span className="fault-menu__state">{down ? 'down' : 'up'}</span>
      </p>
      <div className="fault-menu__row">
        <button type="button" onClick={() => inject({ kind: 'region-down', region: regionId })} disabled={down}>
          Fail (region down)
        </button>
        <button type="button" onClick={() => inject({ kind: 'region-up', region: regionId })}>
          Restore
        </button>
      </div>
      <fieldset className="fault-menu__group">
        <legend>Gray failure</legend>
        <label>
          Added ms
          <input type="number" min={0} max={600000} step={10} value={addedMs} onChange={(e) => setAddedMs(Number(e.target.value))} />
        </label>
        <label>
          Errors %
          <input type="number" min={0} max={100} step={1} value={errorPercent} onChange={(e) => setErrorPercent(Number(e.target.value))} />
        </label>
        <button
          type="button"
          onClick={() =>
            inject({
              kind: 'gray-failure',
              region: regionId,
              addedMs: Math.max(0, addedMs),
              errorRate: Math.min(1, Math.max(0, errorPercent / 100)),
              failsHealthChecks: false,
            })
          }
        >
          Inject gray failure
        </button>
      </fieldset>
      <fieldset className="fault-menu__group">
        <legend>Capacity loss</legend>
        <label>
          Lost %
          <input type="number" min={0} max={100} step={5} value={fractionPercent} onChange={(e) => setFractionPercent(Number(e.target.value))} />
        </label>
        <button
          type="button"
          onClick={() => inject({ kind: 'capacity-loss', region: regionId, fraction: Math.min(1, Math.max(0, fractionPercent / 100)) })}
        >
          Inject capacity loss
        </button>
      </fieldset>
      <button type="button" className="fault-menu__close" onClick={() => close(null)}>
        Close
      </button>
    </div>
  );
}
