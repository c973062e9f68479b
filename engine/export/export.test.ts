import { describe, expect, it } from 'vitest';
import { formatDurationS } from '../format/duration.ts';
import { findPreset } from '../presets/presets.ts';
import { runScenario } from '../simulation.ts';
import { clock, incidentReport, incidentTimeline, markdownText } from './incidentReport.ts';
import { diffReports } from './reportDiff.ts';

const preset = (id: string) => {
  const found = findPreset(id);
  if (!found) throw new Error(id);
  return found.scenario;
};

describe('the incident report', () => {
  const scenario = preset('active-passive');
  const report = runScenario(scenario);

  it('tells what happened when, in time order, with the measured numbers', () => {
    const timeline = incidentTimeline(scenario, report);
    expect(timeline.map((e) => e.text)).toEqual([
      'us-east goes dark',
      expect.stringMatching(/^health checks mark us-east down \(\d+\.\d s after it failed\)$/),
      'eu-west promoted to primary',
      expect.stringMatching(/^traffic off us-east: 99% of its users served elsewhere \(RTO 33\.7 s\)$/),
    ]);
    const times = timeline.map((e) => e.atS);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const markdown = incidentReport(scenario, report);
    expect(markdown).toContain('| 2:30.0 | us-east goes dark |');
    expect(markdown).toContain(`- Acknowledged writes lost: ${report.dataLoss.ackedWritesLost} (RPO ${formatDurationS(report.dataLoss.rpoS)}).`);
    expect(markdown).not.toMatch(/RPO \d+\.\d{3} s/); // the page's format ("RPO 28 ms"), not seconds to three decimals
    expect(markdown).toMatch(/\| Berlin \| \d+\.\d+% \| \d+ \| \d+ ms \|/);
  });

  it('shows hostile names as text, never as markup', () => {
    const hostile = { ...scenario, name: '<img src=x onerror=alert(1)> **bold** [link](javascript:x)', users: scenario.users.map((u) => ({ ...u, name: '<script>alert(1)</script>|' })) };
    const markdown = incidentReport(hostile, runScenario({ ...hostile, durationS: 5 }));
    // Every character that would open markup is escaped: no bare <, *, [ or | left from the names.
    expect(markdown).not.toMatch(/(^|[^\\])<(img|script)|(^|[^\\])\*\*bold|(^|[^\\])\[link/m);
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\> \\*\\*bold\\*\\* \\[link\\](javascript:x)');
    expect(markdownText('a|b\nc')).toBe('a\\|b c');
  });

  it('formats simulated time as minutes and seconds', () => {
    expect(clock(83.25)).toBe('1:23.3');
    expect(clock(5)).toBe('0:05.0');
  });
});

describe('comparing two runs', () => {
  it('diffs sync against async on the same seed: async is faster and loses writes', () => {
    const base = preset('replication-async');
    const rows = diffReports(runScenario({ ...base, data: { ...base.data, replication: 'sync' } }), runScenario(base));
    const get = (metric: string) => rows.find((r) => r.metric === metric);
    expect(get('ackedWritesLost')?.verdict).toBe('worse');
    expect(get('ackedWritesLost')?.a).toBe(0);
    expect(get('writeP50Ms:new-york')?.verdict).toBe('better');
    expect(get('writeP50Ms:new-york')?.delta).toBeLessThan(-100);
    expect(get('complianceViolations')?.verdict).toBe('same');
  });
});

describe('metrics as CSV', () => {
  it('has a row per second and population, and per second and region, with the windows\' numbers', async () => {
    const { createSimulation } = await import('../simulation.ts');
    const { metricsCsv } = await import('./metricsCsv.ts');
    const scenario = preset('active-passive');
    const simulation = createSimulation(scenario);
    simulation.advanceTo(3);
    const windows = simulation.takeWindows();
    const csv = metricsCsv(windows, { userIds: scenario.users.map((u) => u.id), regionIds: scenario.regions.map((r) => r.id) });
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(1 + 3 * (scenario.users.length + scenario.regions.length));
    const berlin = lines.find((l) => l.startsWith('1,population,berlin,'))?.split(',');
    expect(Number(berlin?.[3])).toBeCloseTo(windows[1]?.users[2]?.readP50Ms ?? Number.NaN, 2);
    expect(berlin?.[9]).toBe('eu-west');
    expect(lines.find((l) => l.startsWith('2,region,us-east,'))).toMatch(/^2,region,us-east,,,,,,,,\d+,0,1500$/);
  });
});
