import { describe, expect, it } from 'vitest';
import { commandFor, type KeyLike } from './shortcuts.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  inField: false,
  ...mods,
});

describe('editing shortcuts', () => {
  it('maps the usual keys on Windows, Linux and macOS', () => {
    expect(commandFor(key('Delete'))).toBe('delete');
    expect(commandFor(key('Backspace'))).toBe('delete');
    expect(commandFor(key('d', { ctrlKey: true }))).toBe('duplicate');
    expect(commandFor(key('d', { metaKey: true }))).toBe('duplicate');
    expect(commandFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(commandFor(key('z', { metaKey: true }))).toBe('undo');
    expect(commandFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(commandFor(key('z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(commandFor(key('y', { ctrlKey: true }))).toBe('redo');
    expect(commandFor(key('a', { ctrlKey: true }))).toBe('select-all');
    expect(commandFor(key('Escape'))).toBe('clear-selection');
    expect(commandFor(key('c', { metaKey: true }))).toBe('copy');
    expect(commandFor(key('x', { ctrlKey: true }))).toBe('cut');
    expect(commandFor(key('v', { ctrlKey: true }))).toBe('paste');
    expect(commandFor(key('v', { ctrlKey: true, inField: true }))).toBeUndefined();
  });

  it('leaves keys typed into a field, and unrelated keys, alone', () => {
    expect(commandFor(key('Backspace', { inField: true }))).toBeUndefined();
    expect(commandFor(key('z', { ctrlKey: true, inField: true }))).toBeUndefined();
    expect(commandFor(key('d'))).toBeUndefined();
    expect(commandFor(key('z'))).toBeUndefined();
    expect(commandFor(key('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(commandFor(key('ArrowLeft'))).toBeUndefined();
  });
});
