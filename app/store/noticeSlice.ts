import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

/** A message for the person: plain text only (never rendered as HTML), with optional detail lines. */
export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly details: readonly string[];
}

export interface NoticeSlice {
  notices: readonly Notice[];
  noticeShown: (text: string, details?: readonly string[]) => void;
  noticeDismissed: (id: number) => void;
}

let nextNoticeId = 1;

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notices: [],
  noticeShown: (text, details = []) =>
    set((state) => ({ notices: [...state.notices, { id: nextNoticeId++, text, details: details.slice(0, 20) }] })),
  noticeDismissed: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
});
