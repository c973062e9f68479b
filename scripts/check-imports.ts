/**
 * `npm run lint`'s import rules, over every .ts/.tsx file of engine/ and app/ (tests excepted):
 *
 * 1. No import circle anywhere: a module never reaches itself through runtime imports (`import type` is erased
 *    at build time and cannot form one, so it is not followed).
 * 2. The app reaches the engine through engine/index.ts only, besides bundled data (.json) and parts loaded lazily
 *    by dynamic `import()` (their own chunk: the presets). The other exception is the workers' API types: the app
 *    starts engine/worker.ts (and compareWorker.ts) from its URL (not an import) and talks to it through comlink, typed by
 *    `import type { EngineApi } from '../../engine/worker.ts'`, erased at build time.
 *
 * Why not dependency-cruiser, madge or dpdm: they parse TypeScript with the TypeScript compiler's JS API, which
 * TypeScript 7 (the compiler here) no longer has, or with a native parser (swc) this project does not otherwise
 * need. Import statements are regular enough to read directly: static `import`/`export ... from` and `import()`
 * with a string literal, after comments are removed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const FOLDERS = ['engine', 'app'];

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The relative modules a file imports at run time, as written. */
export function runtimeImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const statement = /(?:^|[;\n}])\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const match of code.matchAll(statement)) {
    const clause = (match[3] ?? '').trim();
    const names = clause.slice(1, -1).split(',').map((name) => name.trim()).filter(Boolean);
    const typeOnly = Boolean(match[2]) || (clause.startsWith('{') && clause.endsWith('}') && names.length > 0 && names.every((name) => name.startsWith('type ')));
    if (!typeOnly) found.push(match[4] as string);
  }
  for (const match of code.matchAll(/(?:^|[;\n])\s*import\s+['"]([^'"]+)['"]/g)) found.push(match[1] as string);
  for (const match of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1] as string);
  return found.filter((spec) => spec.startsWith('.'));
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** A specifier without its extension names the .ts, .tsx or index file that exists. */
function withExtension(path: string): string {
  if (/\.[a-z]+$/.test(path)) return path;
  for (const candidate of [`${path}.ts`, `${path}.tsx`, `${path}/index.ts`]) {
    try {
      if (statSync(join(ROOT, candidate)).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return path;
}

function main(): void {
  const files = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));
  const graph = new Map<string, string[]>();
  const problems: string[] = [];
  for (const file of files) {
    const from = relative(ROOT, file);
    const targets: string[] = [];
    const source = readFileSync(file, 'utf8');
    const lazy = new Set([...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]));
    for (const spec of runtimeImports(source)) {
      const to = withExtension(relative(ROOT, resolve(dirname(file), spec)));
      targets.push(to);
      // Allowed besides engine/index.ts: bundled data (.json) and a lazily loaded part (a dynamic import, its own chunk).
      const allowed = to === 'engine/index.ts' || to.endsWith('.json') || lazy.has(spec);
      if (from.startsWith('app/') && to.startsWith('engine/') && !allowed) {
        problems.push(`${from} imports ${to}: the app reaches the engine through engine/index.ts only`);
      }
    }
    // Type-only imports of engine modules from the app count too: the public API names its types.
    for (const match of source.matchAll(/import\s+type\s+[^'";]*?from\s*['"]([^'"]+)['"]/g)) {
      const to = relative(ROOT, resolve(dirname(file), match[1] as string));
      if (from.startsWith('app/') && to.startsWith('engine/') && !['engine/index.ts', 'engine/worker.ts', 'engine/compareWorker.ts'].includes(to)) {
        problems.push(`${from} imports types from ${to}: the app reaches the engine through engine/index.ts only`);
      }
    }
    graph.set(from, targets);
  }
  for (const component of circles(graph)) problems.push(`import circle: ${component.join(' <-> ')}`);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(`\n${problems.length} import problem(s).`);
    process.exit(1);
  }
  console.log(`imports: ${files.length} modules, no circle, the app imports the engine through engine/index.ts only`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
