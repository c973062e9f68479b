import { describe, expect, it } from 'vitest';
import { conflictRow, ledgerRows, readFigures, violationRows } from './inspectorRows.ts';

describe('conflict inspector rows', () => {
  it('puts the two writes side by side with their skew, and says what LWW and a CRDT keep', () => {
    const row = conflictRow(
      { key: 7, first: { region: 'us-east', atS: 10, stampS: 10 }, second: { region: 'eu-west', atS: 10.03, stampS: 10.03 }, kept: 'eu-west', wrongWinner: false },
      0,
    );
    expect(row.gapMs).toBe(30);
    expect(row.first).toMatchObject({ region: 'us-east', skewMs: 0, lwwKeeps: false, reallyLater: false });
    expect(row.second).toMatchObject({ region: 'eu-west', lwwKeeps: true, reallyLater: true });
    expect(row.lww).toBe("eu-west's later write; us-east's is silently lost");
    expect(row.crdt).toBe('both: us-east and eu-west merge, nothing lost');
    expect(row.dataKey).toBe(7);
  });

  it('shows a wrong winner under clock skew: the earlier write with the later timestamp', () => {
    const row = conflictRow(
      { key: 3, first: { region: 'ap', atS: 20, stampS: 20.25 }, second: { region: 'us', atS: 20.1, stampS: 20.1 }, kept: 'ap', wrongWinner: true },
      1,
    );
    expect(row.first.skewMs).toBe(250);
    expect(row.first.lwwKeeps).toBe(true);
    expect(row.lww).toBe("ap's earlier write (its clock runs ahead); us's later write is silently lost");
    expect(row.wrongWinner).toBe(true);
  });

  it('under a CRDT still says what LWW would have kept, from the timestamps', () => {
    const row = conflictRow(
      { key: 1, first: { region: 'a', atS: 1, stampS: 1 }, second: { region: 'b', atS: 1.01, stampS: 1.01 }, kept: 'both (counter: the increments add up)', wrongWinner: false },
      2,
    );
    expect(row.second.lwwKeeps).toBe(true);
    expect(row.kept).toContain('both');
  });
});

describe('ledger, reads and compliance rows', () => {
  it('lists lost writes with key, region, time and version', () => {
    expect(ledgerRows([{ key: 42, region: 'us-east', atS: 12.5, version: 901 }])).toEqual([
      { key: '901:0', keyLabel: 'key 42', region: 'us-east', atS: 12.5, version: 901 },
    ]);
  });

  it('flags stale reads and broken session guarantees', () => {
    const figures = readFigures({ staleRatio: 0.0123, stalenessP50Ms: 0, stalenessP99Ms: 85.4, stalenessMaxMs: 120, byMode: [], violations: { readYourWrites: 3, monotonicReads: 0 }, forwarded: 10 });
    expect(figures.map((f) => [f.key, f.value, f.warn])).toEqual([
      ['stale', '1.2%', true],
      ['p99', '85 ms', true],
      ['ryw', '3', true],
      ['mono', '0', false],
      ['fwd', '10', false],
    ]);
    expect(readFigures(undefined)).toEqual([]);
  });

  it('names the regions a violation involves, for the map to ring', () => {
    const [row] = violationRows(
      [{ kind: 'failover-breaks-pinning', dataset: 'users', dataClass: 'pii', from: 'EU', to: 'us-east', count: 12, firstAtS: 40, detail: 'this failover breaks GDPR pinning' }],
      ['us-east', 'eu-west'],
    );
    expect(row?.kind).toBe('failover breaks pinning');
    expect(row?.regions).toEqual(['us-east']);
  });
});
