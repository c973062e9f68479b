import { describe, expect, it } from 'vitest';
import { exportLayout } from './chartImage.ts';

const entry = (label: string) => ({ label, color: '#123456' });

describe('an exported chart: title and units above, legend and scenario below', () => {
  it('puts the chart under the title and units, the legend under the chart, the footer last', () => {
    const layout = exportLayout(420, 200, [entry('New York'), entry('Berlin')]);
    expect(layout.unitLines).toEqual([]);
    expect(layout.titleY).toBeLessThan(layout.chartY);
    expect(layout.legend.every((l) => l.y > layout.chartY + 200)).toBe(true);
    expect(layout.footerY).toBeGreaterThan(Math.max(...layout.legend.map((l) => l.y)));
    expect(layout.height).toBeGreaterThan(layout.footerY);
    expect(layout.width).toBe(420);
  });
  it('wraps a long legend onto more rows within the width', () => {
    const many = Array.from({ length: 12 }, (_, i) => entry(`Population number ${i}`));
    const layout = exportLayout(420, 200, many);
    const rows = new Set(layout.legend.map((l) => l.y));
    expect(rows.size).toBeGreaterThan(2);
    for (const l of layout.legend) expect(l.x).toBeLessThan(420);
  });
  it('wraps the units onto lines within the width, above the chart', () => {
    const unit = 'ms, answered requests only; solid p50, dashed p99; shaded: seconds a population had under 99% of its requests answered';
    const layout = exportLayout(420, 200, [], unit);
    expect(layout.unitLines.length).toBeGreaterThan(1);
    expect(layout.unitLines.map((l) => l.text).join(' ')).toBe(unit);
    for (const line of layout.unitLines) expect(line.text.length * 12 * 0.6).toBeLessThanOrEqual(420 - 24);
    expect(layout.chartY).toBeGreaterThan(layout.unitLines.at(-1)?.y ?? 0);
  });
  it('has no legend rows when the chart has no legend', () => {
    const layout = exportLayout(420, 200, []);
    expect(layout.legend).toEqual([]);
    expect(layout.footerY).toBeGreaterThan(layout.chartY + 200);
  });
});
