/**
 * A run as a Markdown incident report: what happened when, with numbers (timeline of faults and failover
 * milestones, user impact, data loss and conflicts, compliance, cost). Names come from the scenario, which may
 * come from a stranger's link: they are escaped so the Markdown shows them as text, never as markup or HTML.
 */
import type { Report } from '../report.ts';
import type { Scenario } from '../scenario/schema.ts';
import { formatDurationS, formatMs } from '../format/duration.ts';

/**
 * Text safe inside a Markdown line or table cell: the characters that open markup (emphasis, code, links,
 * headings, tables, HTML tags and entities) are backslash-escaped, and line breaks become spaces.
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~&]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

/** 83.25 s -> "1:23.3" */
export function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}

const pct = (x: number): string => `${(x * 100).toFixed(x >= 0.999 && x < 1 ? 3 : 2)}%`;
const ms = (x: number | null): string => (x === null ? '-' : formatMs(x));

function describeFault(fault: Scenario['faults'][number]): string {
  switch (fault.kind) {
    case 'region-down':
      return `${fault.region} goes dark`;
    case 'region-up':
      return `${fault.region} is back`;
    case 'gray-failure':
      return `${fault.region} degrades: +${fault.addedMs} ms, ${Math.round(fault.errorRate * 100)}% errors${fault.failsHealthChecks ? '' : ', health checks still pass'}`;
    case 'capacity-loss':
      return `${fault.region} loses ${Math.round(fault.fraction * 100)}% of its capacity`;
    case 'partition':
      return `the link ${fault.from} ${fault.direction === 'both' ? '<->' : '->'} ${fault.to} is cut`;
    case 'link-degrade':
      return `the link ${fault.from} <-> ${fault.to} degrades: +${fault.addedMs} ms, ${Math.round(fault.loss * 100)}% loss`;
    case 'link-heal':
      return `the link ${fault.from} <-> ${fault.to} heals`;
  }
}

interface Event {
  readonly atS: number;
  readonly text: string;
}

/** The timeline: scheduled faults (within the run so far) and each failure's milestones, in time order. */
export function incidentTimeline(scenario: Scenario, report: Report): Event[] {
  const events: Event[] = scenario.faults.filter((f) => f.atS <= report.durationS).map((f) => ({ atS: f.atS, text: describeFault(f) }));
  for (const f of report.failovers) {
    if (f.detectedAtS !== null) events.push({ atS: f.detectedAtS, text: `health checks mark ${f.region} down (${formatDurationS(f.detectedAtS - f.failedAtS)} after it failed)` });
    if (f.promotedAtS !== null && f.newPrimary !== null) events.push({ atS: f.promotedAtS, text: `${f.newPrimary} promoted to primary` });
    if (f.reroutedAtS !== null) events.push({ atS: f.reroutedAtS, text: `traffic off ${f.region}: 99% of its users served elsewhere (RTO ${f.rtoS === null ? '-' : formatDurationS(f.rtoS)})` });
    if (f.splitBrainAtS !== null) events.push({ atS: f.splitBrainAtS, text: `split brain: ${f.region} takes writes again next to ${f.newPrimary ?? 'the new primary'}` });
    if (f.recoveredAtS !== null) events.push({ atS: f.recoveredAtS, text: `${f.region} healthy and back in rotation` });
  }
  // Stable: a fault before the milestones it causes at the same moment.
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.atS - b.e.atS || a.i - b.i).map(({ e }) => e);
}

export function incidentReport(scenario: Scenario, report: Report): string {
  const finished = report.requests.ok + report.requests.failed;
  const lines: string[] = [
    `# Incident report: ${markdownText(scenario.name)}`,
    '',
    `Simulated ${clock(report.durationS)} (seed ${report.seed}, ${report.fidelity} fidelity) with Meridian. ` +
      `${report.requests.total.toLocaleString('en-US')} requests, ${report.requests.failed.toLocaleString('en-US')} failed: ` +
      `availability ${finished > 0 ? pct(report.requests.ok / finished) : '-'}.`,
    '',
    '## Timeline',
    '',
  ];
  const events = incidentTimeline(scenario, report);
  if (events.length === 0) lines.push('Nothing failed.');
  else {
    lines.push('| time | what happened |', '|---|---|');
    for (const e of events) lines.push(`| ${clock(e.atS)} | ${markdownText(e.text)} |`);
  }
  lines.push('', '## Impact on users', '', '| population | availability | failed | read p50 | read p99 | write p50 | write p99 |', '|---|---|---|---|---|---|---|');
  const names = new Map(scenario.users.map((u) => [u.id, u.name ?? u.id]));
  for (const u of report.users) {
    lines.push(`| ${markdownText(names.get(u.id) ?? u.id)} | ${pct(u.availability)} | ${u.failed} | ${ms(u.read.p50)} | ${ms(u.read.p99)} | ${ms(u.write.p50)} | ${ms(u.write.p99)} |`);
  }
  for (const f of report.failovers) {
    const errors = Object.entries(f.errorsByUser).filter(([, n]) => n > 0);
    if (errors.length > 0) lines.push('', `Failed requests while ${markdownText(f.region)} was failing: ${errors.map(([id, n]) => `${markdownText(names.get(id) ?? id)} ${n}`).join(', ')}.`);
  }
  const loss = report.dataLoss;
  const c = report.conflicts;
  lines.push(
    '',
    '## Data',
    '',
    `- Acknowledged writes lost: ${loss.ackedWritesLost} (RPO ${formatDurationS(loss.rpoS)}).`,
    `- Concurrent write pairs: ${c.concurrentPairs}; writes discarded by last-writer-wins: ${c.lwwDiscardedWrites} (${c.lwwDiscardedLaterWrites} of them the later write, by clock skew); pairs merged: ${c.mergedPairs}.`,
    `- Replicas: ${report.convergence.divergentNow} of ${report.convergence.trackedKeys} keys differed at the end; ${report.convergence.divergentAfterDelivery} would still differ once replication caught up.`,
    `- Reads: ${pct(report.reads.staleRatio)} stale (staleness, the age of the oldest write the replica lacked: p99 ${formatMs(report.reads.stalenessP99Ms)}, max ${formatMs(report.reads.stalenessMaxMs)}); ${report.reads.violations.readYourWrites} read-your-writes and ${report.reads.violations.monotonicReads} monotonic-read violations.`,
  );
  const lagging = [...report.links].filter((l) => l.lagMs.max !== null).sort((a, b) => (b.lagMs.max ?? 0) - (a.lagMs.max ?? 0)).slice(0, 3);
  if (lagging.length > 0) lines.push(`- Worst replication lag: ${lagging.map((l) => `${l.from} -> ${l.to} ${ms(l.lagMs.max)} (p99 ${ms(l.lagMs.p99)})`).join('; ')}.`);
  lines.push('', '## Compliance', '');
  if (report.compliance.violations.length === 0) lines.push('No data-placement violation.');
  for (const v of report.compliance.violations) lines.push(`- ${markdownText(v.detail)} (${v.count} times, first at ${clock(v.firstAtS)}).`);
  lines.push('', '## Cost', '', `$${report.cost.usdPerHour.toFixed(2)} per hour ($${report.cost.totalUsd.toFixed(2)} for this run), ${report.cost.transferGb.toFixed(2)} GB between regions.`, '');
  return lines.join('\n');
}
