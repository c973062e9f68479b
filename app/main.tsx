import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App.tsx';
import { createAppStore } from './store/index.ts';
import { StoreContext } from './store/context.ts';
import { builtInScenario, syncHashWithStore } from './url/scenarioHash.ts';
import { chooseStartScenario, startAutosave, type AutosaveStorage } from './store/autosave.ts';
import { startEngine } from './engine/engineClient.ts';

/** localStorage, unless the browser refuses it (privacy settings): then nothing is autosaved. */
function browserStorage(): AutosaveStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

// A valid link wins; otherwise the autosave, otherwise the default. A bad link never overwrites the autosave.
const storage = browserStorage();
const start = chooseStartScenario(window.location.hash, storage, builtInScenario);
const store = createAppStore(start.scenario);
for (const problem of start.problems) store.getState().noticeShown(problem.text, problem.details);
syncHashWithStore(store);
startAutosave(store, storage);
const engine = startEngine(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <StoreContext value={store}>
      <App engine={engine} />
    </StoreContext>
  </StrictMode>,
);
