import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets/presets.ts';

/** Runs the command line as a person would (through tsx), returning its exit code and output. */
function sim(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'engine/cli.ts', ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '..') });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the command line', () => {
  it('lists every preset by id, grouped', () => {
    const { code, stdout } = sim('--list');
    expect(code).toBe(0);
    for (const preset of PRESETS) expect(stdout).toContain(`  ${preset.id.padEnd(28)} ${preset.title}`);
    expect(stdout).toContain('Failover and routing:');
  });

  it('runs a preset by id and prints its expected outcomes', () => {
    const { code, stdout } = sim('conflicts-crdt');
    expect(code).toBe(0);
    expect(stdout).toContain('expected outcomes of "conflicts-crdt":');
    expect(stdout).toMatch(/nothing discarded: 0 \(at most 0\): pass/);
  });

  it('exits with 1 when a preset run misses an expected outcome, and 2 for an unknown name or invalid file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meridian-cli-'));
    const preset = PRESETS.find((p) => p.id === 'replication-async');
    const broken = { ...preset, scenario: { ...preset?.scenario, data: { ...preset?.scenario.data, replication: 'sync' } } };
    writeFileSync(join(dir, 'broken-preset.json'), JSON.stringify(broken));
    const missed = sim(join(dir, 'broken-preset.json'), '--duration', '70');
    expect(missed.code).toBe(1);
    expect(missed.stdout).toMatch(/some acknowledged writes lost: 0 \(at least 1\): FAIL/);

    expect(sim('no-such-preset').code).toBe(2);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ version: 1, regions: [{ id: 'x', lat: 100, lon: 0 }] }));
    const bad = sim(join(dir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('regions[0].lat: must be between -90 and 90');
  });
});

describe('the command line with drills', () => {
  it('plays a drill by id and prints its scorecard', () => {
    const { code, stdout } = sim('--drill', 'lww-silent-drop');
    expect(code).toBe(0);
    expect(stdout).toContain('checkpoint: Last-writer-wins');
    expect(stdout).toMatch(/scorecard: 4\/4 checks passed, 2 questions/);
  });

  it('refuses a broken drill file with each problem and its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meridian-drill-'));
    writeFileSync(join(dir, 'd.json'), JSON.stringify({ version: 1, id: 'd', title: 't', summary: 's', preset: 'active-passive', steps: [{ kind: 'action', label: 'x', change: { path: 'data.nope', value: 1 } }] }));
    const { code, stderr } = sim('--drill', join(dir, 'd.json'));
    expect(code).toBe(2);
    expect(stderr).toContain('steps.0.change.path: data.nope: no such setting');
  });
});
