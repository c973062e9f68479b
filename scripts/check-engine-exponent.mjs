/**
 * A lint step oxlint has no rule for: no `**` in the engine. `x ** y` is Math.pow, whose last bit differs between
 * JavaScript engines (Chromium's V8 and Node's), so the browser and the command line could report different
 * numbers; the engine multiplies (x * x) or uses engine/math/ (exp, log). The shells, tests and benchmarks are
 * exempt, as in .oxlintrc.json. Comments, strings and template text are skipped; prints each use as file:line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const EXEMPT = [/^engine\/(worker|compareWorker|cli)\.ts$/, /^engine\/fuzz\/fuzz\.ts$/, /\.test\.ts$/, /^engine\/bench\//];

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

/** Line numbers of `**` outside comments, strings and template text. */
function exponentLines(text) {
  const lines = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      line++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let j = i; j < stop; j++) if (text[j] === '\n') line++;
      i = stop - 1;
    } else if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') line++;
      }
    } else if (c === '*' && text[i + 1] === '*') {
      lines.push(line);
      i++;
    }
  }
  return lines;
}

const found = [];
for (const path of sources(join(root, 'engine'))) {
  const name = relative(root, path);
  if (EXEMPT.some((pattern) => pattern.test(name))) continue;
  for (const line of exponentLines(readFileSync(path, 'utf8'))) found.push(`${name}:${line}`);
}
if (found.length > 0) {
  console.error(`** is Math.pow, whose last bit differs between JavaScript engines: multiply, or use engine/math/ (exp, log).\n${found.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
