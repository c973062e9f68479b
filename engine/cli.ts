/**
 * The command line: `npm run sim -- <scenario.json | preset.json | preset-id> [--seed N] [--duration S] [--json]`,
 * `npm run sim -- --list`. Runs the same engine as the browser, in Node, and prints the report: readable by
 * default, JSON with --json. A preset also prints its expected outcomes, each pass or FAIL, and exits with code 1
 * if one fails. An invalid scenario prints its validation messages on stderr and exits with code 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { evaluateChecks, type CheckResult } from './outcomes/check.ts';
import { PRESETS, findPreset, parsePreset, type Preset } from './presets/presets.ts';
import { DRILLS, findDrill, parseDrill, type LoadedDrill } from './drills/drills.ts';
import { DrillPlay } from './drills/drillRun.ts';
import { parseScenario, formatIssues } from './scenario/parse.ts';
import { runScenario } from './simulation.ts';
import type { Report } from './report.ts';
import { formatDurationS, formatMs } from './format/duration.ts';

const USAGE =
  'usage: npm run sim -- <scenario.json | preset.json | preset-id> [--seed N] [--duration S] [--json]\n' +
  '       npm run sim -- --list\n' +
  '       npm run sim -- --drill <drill.json | drill-id>   (plays it with the right answers, prints the scorecard)';

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArgs(argv: readonly string[]) {
  const options = { file: '', seed: undefined as number | undefined, durationS: undefined as number | undefined, json: false, list: false, drill: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): number => {
      const text = argv[++i];
      const n = Number(text);
      if (text === undefined || !Number.isFinite(n)) fail(`${arg} needs a number\n${USAGE}`);
      return n;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--list') options.list = true;
    else if (arg === '--drill') options.drill = argv[++i] ?? fail(`--drill needs a drill id or file\n${USAGE}`);
    else if (arg === '--seed') options.seed = value();
    else if (arg === '--duration') options.durationS = value();
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else if (options.file) fail(`one scenario file at a time\n${USAGE}`);
    else options.file = arg;
  }
  if (!options.file && !options.list && !options.drill) fail(USAGE);
  return options;
}

function readable(report: Report): string {
  const ms = (v: number | null) => (v === null ? '-' : `${v.toFixed(1)} ms`);
  const lines = [
    `${report.scenario}  (seed ${report.seed}, ${report.durationS} s simulated, ${report.fidelity} fidelity)`,
    `requests: ${report.requests.total} total, ${report.requests.ok} ok, ${report.requests.failed} failed, ${report.requests.inFlight} in flight at the end`,
    '',
    'users            read p50    read p99   write p50   write p99   avail   served by',
  ];
  for (const user of report.users) {
    const servedBy = Object.entries(user.servedBy)
      .map(([id, share]) => `${id} ${(share * 100).toFixed(0)}%`)
      .join(', ');
    lines.push(
      `${user.id.padEnd(14)} ${ms(user.read.p50).padStart(10)} ${ms(user.read.p99).padStart(11)} ${ms(user.write.p50).padStart(11)} ${ms(user.write.p99).padStart(11)} ${(user.availability * 100).toFixed(2).padStart(6)}%   ${servedBy}`,
    );
  }
  lines.push('', 'regions          util mean   util max      served   dropped');
  for (const region of report.regions) {
    lines.push(
      `${region.id.padEnd(14)} ${(region.utilization.mean * 100).toFixed(1).padStart(9)}% ${(region.utilization.max * 100).toFixed(1).padStart(9)}% ${String(region.served).padStart(11)} ${String(region.dropped).padStart(9)}`,
    );
  }
  const lagging = report.links.filter((l) => l.replicatedWrites > 0);
  if (lagging.length > 0) {
    const ms = (v: number | null) => (v === null ? '-' : formatMs(v));
    lines.push('', 'replication      to               RTT    lag p50    lag p99    lag max      writes');
    for (const l of lagging) {
      lines.push(
        `${l.from.padEnd(15)}  ${l.to.padEnd(13)} ${ms(l.rttMs).padStart(7)} ${ms(l.lagMs.p50).padStart(10)} ${ms(l.lagMs.p99).padStart(10)} ${ms(l.lagMs.max).padStart(10)} ${String(l.replicatedWrites).padStart(11)}`,
      );
    }
  }
  lines.push('', `data loss: ${report.dataLoss.ackedWritesLost} acknowledged writes lost, RPO ${formatDurationS(report.dataLoss.rpoS)}`);
  const c = report.conflicts;
  lines.push(`conflicts: ${c.concurrentPairs} concurrent write pairs, ${c.lwwDiscardedWrites} writes discarded by last-writer-wins (${c.lwwDiscardedLaterWrites} of them the later write, by clock skew), ${c.mergedPairs} pairs merged`);
  const v = report.convergence;
  lines.push(`replicas (${v.merge}): ${v.trackedKeys} keys followed, ${v.divergentNow} differ now, ${v.divergentAfterDelivery} would still differ once replication caught up`);
  const r = report.reads;
  lines.push(
    `reads: ${(r.staleRatio * 100).toFixed(1)}% stale (staleness p50 ${formatMs(r.stalenessP50Ms)}, p99 ${formatMs(r.stalenessP99Ms)}, max ${formatMs(r.stalenessMaxMs)}), ${r.forwarded} forwarded to the leader, ` +
      `${r.violations.readYourWrites} read-your-writes and ${r.violations.monotonicReads} monotonic-read violations`,
  );
  for (const v of report.compliance.violations.slice(0, 10)) lines.push(`compliance: ${v.detail} (${v.count} times, first at ${v.firstAtS.toFixed(1)} s)`);
  if (report.compliance.violations.length > 10) lines.push(`compliance: ${report.compliance.violations.length - 10} more violations (see --json)`);
  const cost = report.cost;
  const b = cost.breakdown;
  lines.push(
    `cost: $${cost.usdPerHour.toFixed(2)}/hour ($${cost.totalUsd.toFixed(2)} for the run): compute $${b.computeUsd.toFixed(2)} + idle $${b.idleComputeUsd.toFixed(2)}, ` +
      `replication $${b.replicationUsd.toFixed(2)} (${cost.transferGb.toFixed(2)} GB), zones $${b.interZoneUsd.toFixed(2)}, egress $${b.egressUsd.toFixed(2)}`,
  );
  if (report.failovers.length > 0) {
    const at = (v: number | null) => (v === null ? 'never' : formatDurationS(v));
    lines.push('', 'failovers        failed    detected   rerouted   recovered   RTO      errors');
    for (const f of report.failovers) {
      const errors = Object.values(f.errorsByUser).reduce((sum, n) => sum + n, 0);
      lines.push(
        `${`${f.region} (${f.kind === 'region-down' ? 'down' : 'gray'})`.padEnd(15)} ${at(f.failedAtS).padStart(7)} ${at(f.detectedAtS).padStart(11)} ${at(f.reroutedAtS).padStart(10)} ${at(f.recoveredAtS).padStart(11)} ${(f.rtoS === null ? '-' : formatDurationS(f.rtoS)).padStart(7)} ${String(errors).padStart(9)}`,
      );
      if (f.newPrimary !== null) lines.push(`  ${f.newPrimary} promoted to primary at ${at(f.promotedAtS)}${f.splitBrainAtS === null ? '' : `; split brain from ${at(f.splitBrainAtS)} (no fencing)`}`);
    }
  }
  return lines.join('\n');
}

function listPresets(): string {
  const lines: string[] = [];
  let group = '';
  for (const preset of PRESETS) {
    if (preset.group !== group) {
      group = preset.group;
      lines.push('', `${group}:`);
    }
    lines.push(`  ${preset.id.padEnd(28)} ${preset.title}`);
  }
  lines.push('', 'Drills:');
  for (const { drill } of DRILLS) lines.push(`  ${drill.id.padEnd(28)} ${drill.title}`);
  return `${lines.join('\n').trimStart()}\n\nrun a preset: npm run sim -- <id>; play a drill: npm run sim -- --drill <id>\n`;
}

function outcomes(preset: Preset, results: readonly CheckResult[]): string {
  return ['', `expected outcomes of "${preset.id}":`, ...results.map((r) => `  ${r.text}`)].join('\n');
}

/** The scenario (and its preset, if it is one) named on the command line: a file, or a preset id. */
function load(name: string): { input: unknown; preset: Preset | undefined } {
  if (!existsSync(name)) {
    const preset = findPreset(name);
    if (!preset) fail(`${name}: no such file, and no preset with that id (npm run sim -- --list)`);
    return { input: structuredClone(preset.scenario), preset };
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(name, 'utf8'));
  } catch (error) {
    fail(`cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof input === 'object' && input !== null && 'scenario' in input && 'expected' in input) {
    const parsed = parsePreset(input);
    if (!parsed.ok) fail(`${name} is not a valid preset:\n${parsed.errors.map((l) => `  ${l}`).join('\n')}`);
    return { input: structuredClone(parsed.preset.scenario), preset: parsed.preset };
  }
  return { input, preset: undefined };
}

function loadDrill(name: string): LoadedDrill {
  if (!existsSync(name)) return findDrill(name) ?? fail(`${name}: no such file, and no drill with that id (npm run sim -- --list)`);
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(name, 'utf8'));
  } catch (error) {
    fail(`cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseDrill(input);
  if (!parsed.ok) fail(`${name} is not a valid drill:\n${parsed.errors.map((l) => `  ${l}`).join('\n')}`);
  return parsed.value;
}

/** Plays a drill with the right answers, printing each step as it goes; exits with 1 if a checkpoint fails. */
function playDrill({ drill, scenario }: LoadedDrill): never {
  const out: string[] = [`${drill.title}`, drill.summary, ''];
  const play = new DrillPlay(drill, scenario);
  while (!play.done) {
    const step = drill.steps[play.next];
    if (!step) break;
    const outcome = play.step(step.kind === 'question' ? step.answer : null);
    const at = `[${(outcome?.atS ?? 0).toFixed(1).padStart(6)} s]`;
    if (step.kind === 'narration') out.push(`${at} ${step.text}`);
    else if (step.kind === 'question') out.push(`${at} Q: ${step.prompt}`, ...step.choices.map((c, i) => `           ${i === step.answer ? '*' : ' '} ${c}`), `           ${step.explanation}`);
    else if (step.kind === 'run') out.push(`${at} ran to ${outcome?.atS.toFixed(1)} s${step.label ? `: ${step.label}` : ''}`);
    else if (step.kind === 'action') out.push(`${at} ${step.label}${outcome?.error ? ` (could not: ${outcome.error})` : ''}`);
    else out.push(`${at} checkpoint: ${step.label}`, ...(outcome?.results ?? []).map((r) => `           ${r.text}`));
  }
  const card = play.scorecard();
  out.push('', `scorecard: ${card.checkpoints.passed}/${card.checkpoints.total} checks passed, ${card.questions.total} questions`);
  process.stdout.write(`${out.join('\n')}\n`);
  process.exit(card.checkpoints.passed === card.checkpoints.total && card.steps.every((s) => !s.error) ? 0 : 1);
}

const options = parseArgs(process.argv.slice(2));
if (options.list) {
  process.stdout.write(listPresets());
  process.exit(0);
}
if (options.drill) playDrill(loadDrill(options.drill));
const { input, preset } = load(options.file);
if (typeof input === 'object' && input !== null) {
  if (options.seed !== undefined) (input as Record<string, unknown>).seed = options.seed;
  if (options.durationS !== undefined) (input as Record<string, unknown>).durationS = options.durationS;
}
const parsed = parseScenario(input);
if (!parsed.ok) fail(`${options.file} is not a valid scenario:\n${formatIssues(parsed.issues).map((l) => `  ${l}`).join('\n')}`);
const report = runScenario(parsed.scenario);
const results = preset ? evaluateChecks(report, preset.expected) : [];
if (options.json) process.stdout.write(`${JSON.stringify(preset ? { ...report, expected: results } : report, null, 2)}\n`);
else process.stdout.write(`${readable(report)}${preset ? outcomes(preset, results) : ''}\n`);
if (results.some((r) => !r.passed)) process.exit(1);
