import { useEffect, useState } from 'react';
import { parseThemeChoice, resolveTheme, THEME_STORAGE_KEY, toggledChoice, type Theme, type ThemeChoice } from './theme.ts';

const darkQuery = (): MediaQueryList | undefined => window.matchMedia?.('(prefers-color-scheme: dark)');

function readChoice(): ThemeChoice {
  try {
    return parseThemeChoice(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system'; // storage blocked: follow the system
  }
}

function storeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

// Set before the first render, so the page does not flash the other theme.
applyTheme(resolveTheme(readChoice(), darkQuery()?.matches ?? false));

/** The header's light/dark toggle. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(readChoice);
  const [systemDark, setSystemDark] = useState(() => darkQuery()?.matches ?? false);
  const theme = resolveTheme(choice, systemDark);

  useEffect(() => {
    const query = darkQuery();
    if (!query) return undefined;
    const onChange = (e: MediaQueryListEvent) => setSystemDark(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  useEffect(() => applyTheme(theme), [theme]);

  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={theme === 'dark'}
      title={choice === 'system' ? 'Dark theme (following the system)' : 'Dark theme'}
      onClick={() => {
        const next = toggledChoice(choice, systemDark);
        storeChoice(next);
        setChoice(next);
      }}
    >
      Dark theme
    </button>
  );
}
