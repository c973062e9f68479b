import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App.tsx';
import { createAppStore } from './store/index.ts';
import { StoreContext } from './store/context.ts';
import { initialScenario, syncHashWithStore } from './url/scenarioHash.ts';
import { startEngine } from './engine/engineClient.ts';

const start = initialScenario(window.location.hash);
const store = createAppStore(start.scenario);
if (start.problem) store.getState().noticeShown(start.problem.text, start.problem.details);
syncHashWithStore(store);
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
