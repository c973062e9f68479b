import { describe, expect, it } from 'vitest';
import { presetFromSearch, speedFromSearch, viewModeFromSearch, viewQuery } from './librarySlice.ts';

describe('view settings in the address', () => {
  it('reads the view mode and the speed, ignoring anything else', () => {
    expect(viewModeFromSearch('?embed=1')).toBe('embed');
    expect(viewModeFromSearch('?present=1&speed=60')).toBe('present');
    expect(viewModeFromSearch('?embed=yes')).toBe('edit');
    expect(speedFromSearch('?speed=60')).toBe(60);
    expect(speedFromSearch('?speed=max')).toBe('max');
    expect(speedFromSearch('?speed=7')).toBeNull();
    expect(speedFromSearch('?speed=<script>')).toBeNull();
  });

  it('writes them back for a shared link', () => {
    expect(viewQuery(60, 'present')).toBe('?speed=60&present=1');
    expect(viewQuery('max', 'edit')).toBe('?speed=max');
    expect(speedFromSearch(viewQuery(1, 'edit'))).toBe(1);
    expect(viewQuery(10, 'edit', 'routing-anycast')).toBe('?speed=10&preset=routing-anycast');
    expect(presetFromSearch('?preset=routing-anycast')).toBe('routing-anycast');
    expect(presetFromSearch('?preset=<img>')).toBeNull();
  });
});
