import { describe, expect, it } from 'vitest';
import { circles, runtimeImports } from './check-imports.ts';

describe('runtimeImports', () => {
  it('follows value imports, re-exports, side-effect and dynamic imports; not type-only ones or comments', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "import { type C, type D } from './c.ts';",
      "import { type E, f } from './e.ts';",
      "export { g } from './g.ts';",
      "export type { H } from './h.ts';",
      "import './side.css';",
      "const lazy = import('./lazy.ts');",
      "// import { x } from './commented.ts';",
      "/* import { y } from './block.ts'; */",
      "import React from 'react';",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['./a.ts', './e.ts', './g.ts', './side.css', './lazy.ts']);
  });
});

describe('circles', () => {
  it('finds each circle once, and nothing in a tree', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
      ['f', ['d']],
    ]);
    expect(circles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(circles(new Map([['x', ['y']], ['y', []]]))).toEqual([]);
  });
});
