/**
 * A first visit's start card: what this is and three ways in (fail the primary and watch the Failover tab, play
 * a drill, open a preset). Dismissed once, it stays dismissed (startCard.ts).
 */
import { useContext, useState } from 'react';
import { StoreContext, useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { browserStorage } from '../share/storage.ts';
import { rememberStartCardDismissed, startCardDismissed } from './startCard.ts';
import { regionDownAt } from '../../engine/index.ts';

/** The region to fail first: the active-passive primary, else the first region. */
const selectTarget = (s: AppState): string | null =>
  (s.scenario.data.topology === 'active-passive' ? s.scenario.data.primary : undefined) ?? s.scenario.regions[0]?.id ?? null;

export function StartCard() {
  const store = useContext(StoreContext);
  const target = useApp(selectTarget);
  const [dismissed, setDismissed] = useState(() => startCardDismissed(browserStorage()));
  if (dismissed) return null;
  const dismiss = (): void => {
    rememberStartCardDismissed(browserStorage());
    setDismissed(true);
  };
  const failTarget = (): void => {
    const state = store?.getState();
    if (!state || target === null) return;
    if (!regionDownAt(state.scenario.faults, target, state.timeS)) state.regionFailureToggled(target, state.timeS);
    state.watchTabChosen('failover');
    if (!state.playing && !state.done) state.playingChanged(true);
  };
  return (
    <section className="start-card" aria-labelledby="start-card-title" data-testid="start-card">
      <h2 id="start-card-title" className="start-card__title">
        Break a multi-region system and watch
      </h2>
      <p className="start-card__text">
        Cloud regions and their users on a real map, simulated second by second: latency by city, replication lag, failover, lost writes, cost.
      </p>
      <ul className="start-card__actions">
        {target !== null && (
          <li>
            <button type="button" onClick={failTarget} data-testid="start-fail">
              Fail {target} and watch the Failover tab
            </button>
          </li>
        )}
        <li>
          <button type="button" onClick={() => store?.getState().dialogOpened('drills')}>
            Try a failover drill
          </button>
        </li>
        <li>
          <button type="button" onClick={() => store?.getState().dialogOpened('presets')}>
            Open a preset
          </button>
        </li>
      </ul>
      <button type="button" className="start-card__close" onClick={dismiss} data-testid="start-dismiss">
        Got it, hide this
      </button>
    </section>
  );
}
