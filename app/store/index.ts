/** The app's one store, built from slices (each in its own file, actions beside their state). */
import { create } from 'zustand';
import { createNoticeSlice, type NoticeSlice } from './noticeSlice.ts';
import { createRunSlice, type RunSlice } from './runSlice.ts';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice.ts';
import { createFaultSlice, type FaultSlice } from './faultSlice.ts';
import { createHistorySlice, type HistorySlice } from './historySlice.ts';
import { createMetricsSlice, type MetricsSlice } from './metricsSlice.ts';
import { createLibrarySlice, type LibrarySlice } from './librarySlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';
import { createRecordSlice, type RecordSlice } from './recordSlice.ts';
import type { Scenario } from '../../engine/index.ts';

export type AppState = ScenarioSlice & RunSlice & NoticeSlice & HistorySlice & FaultSlice & MetricsSlice & LibrarySlice & UiSlice & RecordSlice;

export function createAppStore(initial: Scenario) {
  return create<AppState>()((...a) => ({
    ...createScenarioSlice(initial)(...a),
    ...createRunSlice(...a),
    ...createNoticeSlice(...a),
    ...createMetricsSlice(...a),
    ...createHistorySlice(...a),
    ...createFaultSlice(...a),
    ...createLibrarySlice(...a),
    ...createUiSlice(...a),
    ...createRecordSlice(initial)(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
