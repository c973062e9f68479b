/**
 * Light or dark: the person's choice (kept in localStorage) or, until they choose, the system's
 * prefers-color-scheme. The theme is the `data-theme` attribute on <html>; colours are CSS custom properties
 * (the palette is in the theme section at the top of app/styles.css).
 */
export type Theme = 'light' | 'dark';
/** 'system' follows prefers-color-scheme. */
export type ThemeChoice = Theme | 'system';

export const THEME_STORAGE_KEY = 'meridian.theme';

/** A stored value read back; anything unknown (or nothing) means following the system. */
export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

/**
 * The choice after the toggle: the other theme than the one shown. Landing on the system's own theme goes back
 * to following the system, so a person who toggles twice is where they started.
 */
export function toggledChoice(choice: ThemeChoice, systemPrefersDark: boolean): ThemeChoice {
  const next: Theme = resolveTheme(choice, systemPrefersDark) === 'dark' ? 'light' : 'dark';
  return next === resolveTheme('system', systemPrefersDark) ? 'system' : next;
}
