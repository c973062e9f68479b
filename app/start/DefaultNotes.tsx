/**
 * The default scenario's notes, as a preset has them: what it is and what to notice. Shown while the scenario is
 * the built-in one (faults aside: failing us-east is what the notes suggest) and no preset's notes are open.
 */
import { useApp } from '../store/context.ts';
import type { AppState } from '../store/index.ts';
import { builtInScenario } from '../url/scenarioHash.ts';
import type { Scenario } from '../../engine/index.ts';

const withoutFaults = (scenario: Scenario): string => JSON.stringify({ ...scenario, faults: [] });
let defaultText: string | null = null;
let lastScenario: Scenario | null = null;
let lastIsDefault = false;

/** Whether `scenario` is the built-in default, apart from its faults. */
export function isDefaultScenario(scenario: Scenario): boolean {
  if (scenario !== lastScenario) {
    defaultText ??= withoutFaults(builtInScenario());
    lastScenario = scenario;
    lastIsDefault = withoutFaults(scenario) === defaultText;
  }
  return lastIsDefault;
}

const selectShown = (s: AppState) => s.activePreset === null && s.viewMode !== 'embed' && isDefaultScenario(s.scenario);

export function DefaultNotes() {
  const shown = useApp(selectShown);
  if (!shown) return null;
  return (
    <section className="preset-notes" aria-labelledby="default-notes-title" data-testid="default-notes">
      <h2 id="default-notes-title" className="preset-notes__title">
        Active-passive, US primary
      </h2>
      <p className="preset-notes__summary">us-east takes every write; eu-west and ap-northeast are standbys fed by asynchronous replication. GeoDNS sends each population to its nearest region.</p>
      <h3 className="preset-notes__heading">What to notice</h3>
      <ul className="preset-notes__notice">
        <li>Before any failure, reads stay in the nearest region but every write crosses to us-east: compare Berlin&apos;s read and write latency.</li>
        <li>Fail us-east: health checks mark it down after about 30 s (3 checks, 10 s apart), DNS caches move its users over up to one TTL (60 s), and a standby is promoted.</li>
        <li>Asynchronous replication: the writes us-east acknowledged but had not shipped are lost. The Failover tab shows the RPO and the lost-write ledger.</li>
      </ul>
    </section>
  );
}
