import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

/** A message for the person: plain text only (never rendered as HTML), with optional detail lines. */
export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly details: readonly string[];
  /** A problem (an alert) or news of something done (a status: "Imported ..."). */
  readonly tone: 'problem' | 'info';
}

export interface NoticeSlice {
  notices: readonly Notice[];
  noticeShown: (text: string, details?: readonly string[], tone?: Notice['tone']) => void;
  noticeDismissed: (id: number) => void;
}

let nextNoticeId = 1;

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notices: [],
  noticeShown: (text, details = [], tone = 'problem') =>
    set((state) => ({ notices: [...state.notices, { id: nextNoticeId++, text, details: details.slice(0, 20), tone }] })),
  noticeDismissed: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
});
