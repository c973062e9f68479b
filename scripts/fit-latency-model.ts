/**
 * Fits the global parameters of the fibre-graph RTT model (engine/geo/latencyModel.ts) to the AWS inter-region
 * matrix, checks them on held-out regions, and prints the markdown tables of docs/latency-model.md.
 *
 *   npx tsx scripts/fit-latency-model.ts            # fit, held-out check, tables (about a minute)
 *   npx tsx scripts/fit-latency-model.ts --quick    # tables for the constants in the code, no fitting
 *   npx tsx scripts/fit-latency-model.ts --no-heldout --fix hopMs=0   # a variant: full fit only, a parameter pinned
 *
 * The objective is the mean absolute relative error over the 496 unordered AWS pairs. The continuous parameters
 * (route factors, hop and base overheads) are fitted by Nelder-Mead for every combination of the attachment
 * parameters on a small grid. Everything is deterministic: the same data give the same constants.
 */
import { worldFibreGraph } from '../engine/geo/fibreGraph.ts';
import { greatCircleKm } from '../engine/geo/greatCircle.ts';
import { createLatencyModel, type LatencyModel, type LatencyModelParams } from '../engine/geo/latencyModel.ts';
import { FITTED_LATENCY_PARAMS, singleFactorRttMs } from '../engine/geo/rtt.ts';
import { absRelativeError, awsPairs, summarizeByBand, summarizeErrors, type AwsPair } from '../engine/geo/rttError.ts';

type Continuous = Pick<LatencyModelParams, 'landFactor' | 'seaFactor' | 'hopMs' | 'baseMs'>;
type Discrete = Pick<LatencyModelParams, 'attachCount' | 'attachSlackKm' | 'directKm'>;

const CONTINUOUS_KEYS = ['landFactor', 'seaFactor', 'hopMs', 'baseMs'] as const;
const LOWER_BOUNDS: Continuous = { landFactor: 1, seaFactor: 1, hopMs: 0, baseMs: 1 };
const START: Continuous = { landFactor: 1.4, seaFactor: 1.15, hopMs: 1, baseMs: 4 };
const DISCRETE_GRID: Discrete[] = [1, 2, 3].flatMap((attachCount) =>
  [0, 150, 300].flatMap((attachSlackKm) => [100, 250, 500].map((directKm) => ({ attachCount, attachSlackKm, directKm }))),
);

/** Continuous parameters pinned on the command line (`--fix hopMs=0`); the rest are fitted. */
const pinned: Partial<Continuous> = Object.fromEntries(
  process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--fix' ? [arg.split('=')] : [])).map(([key, value]) => [key, Number(value)]),
);
const FREE_KEYS = CONTINUOUS_KEYS.filter((key) => pinned[key] === undefined);

function toParams(x: readonly number[], discrete: Discrete): LatencyModelParams {
  const params: Record<string, number> = { ...discrete, ...pinned };
  FREE_KEYS.forEach((key, i) => {
    params[key] = Math.max(LOWER_BOUNDS[key], x[i] as number);
  });
  return params as unknown as LatencyModelParams;
}

function meanError(model: LatencyModel, pairs: readonly AwsPair[]): number {
  let sum = 0;
  for (const pair of pairs) sum += absRelativeError(model.estimatedRttMs(pair.a, pair.b), pair.measuredMs);
  return sum / pairs.length;
}

/** Nelder-Mead minimisation (standard coefficients), from `start` with relative initial steps. */
function nelderMead(f: (x: number[]) => number, start: readonly number[], maxEvaluations: number): { x: number[]; value: number } {
  const dim = start.length;
  let simplex = [start.slice()];
  for (let i = 0; i < dim; i++) {
    const vertex = start.slice();
    vertex[i] = (vertex[i] as number) + Math.max(0.1, Math.abs(vertex[i] as number) * 0.1);
    simplex.push(vertex);
  }
  let values = simplex.map(f);
  let evaluations = simplex.length;
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
    simplex = order.map((i) => simplex[i] as number[]);
    values = order.map((i) => values[i] as number);
    if ((values[dim] as number) - (values[0] as number) < 1e-7) break;
    const centroid = Array.from({ length: dim }, (_, j) => simplex.slice(0, dim).reduce((sum, v) => sum + (v[j] as number), 0) / dim);
    const worst = simplex[dim] as number[];
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (c - (worst[j] as number)));
    const reflected = along(1);
    const reflectedValue = f(reflected);
    evaluations++;
    if (reflectedValue < (values[0] as number)) {
      const expanded = along(2);
      const expandedValue = f(expanded);
      evaluations++;
      [simplex[dim], values[dim]] = expandedValue < reflectedValue ? [expanded, expandedValue] : [reflected, reflectedValue];
    } else if (reflectedValue < (values[dim - 1] as number)) {
      [simplex[dim], values[dim]] = [reflected, reflectedValue];
    } else {
      const contracted = along(reflectedValue < (values[dim] as number) ? 0.5 : -0.5);
      const contractedValue = f(contracted);
      evaluations++;
      if (contractedValue < Math.min(reflectedValue, values[dim] as number)) {
        [simplex[dim], values[dim]] = [contracted, contractedValue];
      } else {
        const best = simplex[0] as number[];
        simplex = simplex.map((v, i) => (i === 0 ? v : v.map((x, j) => (best[j] as number) + 0.5 * (x - (best[j] as number)))));
        values = simplex.map((v, i) => (i === 0 ? (values[0] as number) : f(v)));
        evaluations += dim;
      }
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return { x: simplex[bestIndex] as number[], value: values[bestIndex] as number };
}

/** The best parameters on `pairs`: Nelder-Mead (restarted once from its optimum) for each grid point. */
function fit(pairs: readonly AwsPair[], grid: readonly Discrete[]): { params: LatencyModelParams; error: number } {
  let best: { params: LatencyModelParams; error: number } | undefined;
  for (const discrete of grid) {
    const objective = (x: number[]): number => meanError(createLatencyModel(worldFibreGraph, toParams(x, discrete)), pairs);
    let result = nelderMead(objective, FREE_KEYS.map((key) => START[key]), 400);
    result = nelderMead(objective, result.x, 300);
    const params = toParams(result.x, discrete);
    if (best === undefined || result.value < best.error) best = { params, error: result.value };
  }
  return best as { params: LatencyModelParams; error: number };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

interface Sample {
  readonly pair: AwsPair;
  readonly km: number;
  readonly estimateMs: number;
  readonly error: number;
}

function samplesOf(estimate: (pair: AwsPair) => number, pairs: readonly AwsPair[]): Sample[] {
  return pairs.map((pair) => {
    const estimateMs = estimate(pair);
    return { pair, km: pair.km, estimateMs, error: absRelativeError(estimateMs, pair.measuredMs) };
  });
}

function bandTable(columns: readonly { title: string; samples: readonly Sample[] }[]): string {
  const bands = columns.map((column) => summarizeByBand(column.samples));
  const header = `| distance | pairs | ${columns.map((c) => `${c.title} median | ${c.title} p90`).join(' | ')} |`;
  const rule = `|---|---:|${columns.map(() => '---:|---:').join('|')}|`;
  const rows = (bands[0] ?? []).map((row, r) => {
    const cells = bands.map((b) => `${pct((b[r] as typeof row).summary.median)} | ${pct((b[r] as typeof row).summary.p90)}`);
    return `| ${row.label === 'all' ? '**all**' : row.label} | ${row.summary.count} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

function main(): void {
  const quick = process.argv.includes('--quick');
  const pairs = awsPairs();
  const codes = [...new Set(pairs.flatMap((p) => [p.a.code, p.b.code]))].sort();
  const out: string[] = [];
  const log = (line = ''): void => {
    out.push(line);
  };

  let params: LatencyModelParams = FITTED_LATENCY_PARAMS;
  if (!quick) {
    const full = fit(pairs, DISCRETE_GRID);
    params = full.params;
    console.error(`full fit: mean error ${pct(full.error)}`);
  }
  const model = createLatencyModel(worldFibreGraph, params);
  const graphSamples = samplesOf((p) => model.estimatedRttMs(p.a, p.b), pairs);
  const singleSamples = samplesOf((p) => singleFactorRttMs(greatCircleKm(p.a, p.b)), pairs);

  log('### Fitted parameters');
  log();
  log('| parameter | value |');
  log('|---|---:|');
  for (const [key, value] of Object.entries(params)) log(`| \`${key}\` | ${Number.isInteger(value) ? value : value.toFixed(3)} |`);
  log();
  log(`Graph: ${worldFibreGraph.hubs.length} hubs, ${worldFibreGraph.edges.length} edges.`);
  log();

  // Held-out: leave one region out. Refit the continuous parameters without any pair involving the region (the
  // attachment grid point is kept from the full fit), then score the region's 31 pairs.
  let heldOutSamples: Sample[] = [];
  if (!quick && !process.argv.includes('--no-heldout')) {
    const discrete: Discrete = { attachCount: params.attachCount, attachSlackKm: params.attachSlackKm, directKm: params.directKm };
    const perRegion: { code: string; samples: Sample[] }[] = [];
    for (const code of codes) {
      const train = pairs.filter((p) => p.a.code !== code && p.b.code !== code);
      const test = pairs.filter((p) => p.a.code === code || p.b.code === code);
      const heldOutModel = createLatencyModel(worldFibreGraph, fit(train, [discrete]).params);
      perRegion.push({ code, samples: samplesOf((p) => heldOutModel.estimatedRttMs(p.a, p.b), test) });
      console.error(`held out ${code}`);
    }
    heldOutSamples = perRegion.flatMap((r) => r.samples);
    const singleHeldOut = perRegion.flatMap((r) =>
      samplesOf((p) => singleFactorRttMs(greatCircleKm(p.a, p.b)), r.samples.map((s) => s.pair)),
    );
    log('### Error against the AWS matrix');
    log();
    log('Absolute relative error |estimate - measured| / measured over unordered pairs, by great-circle distance.');
    log('"Held out" refits the model without any pair involving one region and scores that region\'s 31 pairs,');
    log('for each of the 32 regions in turn (each pair is scored twice, once per end); the single-factor model has');
    log('no fit to redo, so its held-out column is the same pairs scored twice.');
    log();
    log(bandTable([
      { title: 'single-factor', samples: singleSamples },
      { title: 'graph, full fit', samples: graphSamples },
      { title: 'single-factor (pairs x2)', samples: singleHeldOut },
      { title: 'graph, held out', samples: heldOutSamples },
    ]));
    log();
    log('Held-out error by region (median, p90 over its 31 pairs):');
    log();
    log('| region | median | p90 | region | median | p90 |');
    log('|---|---:|---:|---|---:|---:|');
    const half = Math.ceil(perRegion.length / 2);
    for (let i = 0; i < half; i++) {
      const cell = (r: (typeof perRegion)[number] | undefined): string => {
        if (r === undefined) return ' | | ';
        const s = summarizeErrors(r.samples.map((x) => x.error));
        return `${r.code} | ${pct(s.median)} | ${pct(s.p90)}`;
      };
      log(`| ${cell(perRegion[i])} | ${cell(perRegion[i + half])} |`);
    }
    log();
  } else {
    log('### Error against the AWS matrix (constants in the code, no held-out check)');
    log();
    log(bandTable([
      { title: 'single-factor', samples: singleSamples },
      { title: 'graph', samples: graphSamples },
    ]));
    log();
  }

  const signed = graphSamples.map((s) => (s.estimateMs - s.pair.measuredMs) / s.pair.measuredMs);
  log(`Mean absolute error ${pct(summarizeErrors(graphSamples.map((s) => s.error)).mean)}; mean signed error ${pct(signed.reduce((a, b) => a + b, 0) / signed.length)}; ` +
    `${graphSamples.filter((s) => s.estimateMs < s.pair.measuredMs).length} of ${graphSamples.length} estimates below the measurement.`);
  log();
  log('### Worst 20 pairs (full fit)');
  log();
  log('| pair | km | measured ms | model ms | error | model path |');
  log('|---|---:|---:|---:|---:|---|');
  for (const s of [...graphSamples].sort((x, y) => y.error - x.error).slice(0, 20)) {
    const via = model.pathVia(s.pair.a, s.pair.b);
    const sign = s.estimateMs >= s.pair.measuredMs ? '+' : '-';
    log(`| ${s.pair.a.code} - ${s.pair.b.code} | ${Math.round(s.km)} | ${s.pair.measuredMs.toFixed(0)} | ${s.estimateMs.toFixed(0)} | ${sign}${pct(s.error)} | ${via.length > 0 ? via.join(' > ') : '(direct)'} |`);
  }
  log();
  if (!quick) {
    log('Paste into `FITTED_LATENCY_PARAMS` (engine/geo/rtt.ts):');
    log();
    log('```ts');
    log(`{ ${Object.entries(params).map(([k, v]) => `${k}: ${Number.isInteger(v) ? v : Number(v.toFixed(3))}`).join(', ')} }`);
    log('```');
  }
  console.log(out.join('\n'));
}

main();
