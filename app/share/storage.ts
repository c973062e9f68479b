import type { RecentStorage } from './recent.ts';

/** localStorage, unless the browser refuses it (privacy settings). */
export function browserStorage(): RecentStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
