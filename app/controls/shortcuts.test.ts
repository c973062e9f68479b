import { describe, expect, it } from 'vitest';
import { runShortcut } from './shortcuts.ts';

const body = { tagName: 'BODY' };

describe('run keyboard shortcuts', () => {
  it('plays or pauses with Space and steps with ArrowRight when nothing in particular has focus', () => {
    expect(runShortcut({ key: ' ' }, body)).toBe('toggle-play');
    expect(runShortcut({ key: 'ArrowRight' }, body)).toBe('step');
    expect(runShortcut({ key: 'ArrowRight' }, null)).toBe('step');
    expect(runShortcut({ key: 'a' }, body)).toBeNull();
  });

  it('leaves keys to text fields, selects, sliders and editable content', () => {
    for (const target of [
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'number' },
      { tagName: 'INPUT', type: 'range' },
      { tagName: 'input' },
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
      { tagName: 'DIV', role: 'slider' },
      { tagName: 'DIV', withinMapNode: true },
    ]) {
      expect(runShortcut({ key: ' ' }, target)).toBeNull();
      expect(runShortcut({ key: 'ArrowRight' }, target)).toBeNull();
    }
  });

  it('lets Space press a focused button but still steps from one', () => {
    expect(runShortcut({ key: ' ' }, { tagName: 'BUTTON' })).toBeNull();
    expect(runShortcut({ key: ' ' }, { tagName: 'INPUT', type: 'checkbox' })).toBeNull();
    expect(runShortcut({ key: 'ArrowRight' }, { tagName: 'BUTTON' })).toBe('step');
  });

  it('ignores keys with a modifier (browser and editor shortcuts)', () => {
    expect(runShortcut({ key: ' ', ctrlKey: true }, body)).toBeNull();
    expect(runShortcut({ key: 'ArrowRight', altKey: true }, body)).toBeNull();
    expect(runShortcut({ key: 'ArrowRight', shiftKey: true }, body)).toBeNull();
  });
});
