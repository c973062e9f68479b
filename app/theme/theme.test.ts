import { describe, expect, it } from 'vitest';
import { parseThemeChoice, resolveTheme, toggledChoice } from './theme.ts';

describe('theme choice', () => {
  it('follows the system until the person chooses; unknown stored values mean the system', () => {
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('<script>')).toBe('system');
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });

  it('toggles to the theme not shown, and back to following the system on a second toggle', () => {
    expect(toggledChoice('system', true)).toBe('light');
    expect(toggledChoice('light', true)).toBe('system');
    expect(toggledChoice('system', false)).toBe('dark');
    expect(toggledChoice('dark', false)).toBe('system');
    // A choice against a system that changed since: still flips what is shown.
    expect(toggledChoice('dark', true)).toBe('light');
  });
});
