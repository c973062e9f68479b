import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App.tsx';
import { createAppStore } from './store/index.ts';
import { StoreContext } from './store/context.ts';
import { builtInScenario, syncHashWithStore } from './url/scenarioHash.ts';
import { chooseStartScenario, startAutosave } from './store/autosave.ts';
import { browserStorage } from './share/storage.ts';
import { startEngine } from './engine/engineClient.ts';
import { momentFromSearch } from './store/librarySlice.ts';

// A valid link wins; otherwise the autosave, otherwise the default. A bad link never overwrites the autosave.
const storage = browserStorage();
const start = chooseStartScenario(window.location.hash, storage, builtInScenario);
const store = createAppStore(start.scenario);
if (start.run && start.run.edits.length > 0) store.setState({ pendingRun: start.run, runRecord: start.run });
for (const problem of start.problems) store.getState().noticeShown(problem.text, problem.details);
syncHashWithStore(store);
startAutosave(store, storage);
// A link opens paused, at its start or at the moment the sender chose (?t=), never racing on at the sender's
// speed with the failure already past; the autosave and the default play.
const engine = startEngine(store, { playing: start.source !== 'link', atS: start.source === 'link' ? momentFromSearch(window.location.search) : 0 });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <StoreContext value={store}>
      <App engine={engine} />
    </StoreContext>
  </StrictMode>,
);
