/** An exported chart can go on a slide as it is: title, units, legend and the scenario's name travel with it. */
import { expect, test, type Download, type Page } from '@playwright/test';
import { opened } from './helpers.ts';

async function bytesOf(download: Download): Promise<Buffer> {
  return Buffer.concat((await (await download.createReadStream()).toArray()) as Buffer[]);
}

async function exportDialog(page: Page): Promise<void> {
  await opened(page);
  await expect(page.getByTestId('latency-series-berlin').locator('path').last()).toHaveAttribute('d', /^M.+L/);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByTestId('open-export').click();
  await expect(page.getByTestId('export-panel')).toBeVisible();
}

test('a chart exported as SVG carries its title, units, legend and the scenario name', async ({ page }) => {
  await exportDialog(page);
  const row = page.getByTestId('export-panel').getByRole('listitem').filter({ hasText: 'Read latency by population' });
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: 'SVG' }).click();
  const svg = (await bytesOf(await downloading)).toString('utf8');
  expect(svg).toMatch(/<text[^>]*data-part="title"[^>]*>Read latency by population<\/text>/);
  expect(svg).toMatch(/<text[^>]*data-part="unit"[^>]*>ms, answered requests only; solid p50,/);
  for (const name of ['New York', 'Berlin', 'Sao Paulo', 'Tokyo']) expect(svg).toMatch(new RegExp(`<text[^>]*data-part="legend"[^>]*>${name}</text>`));
  expect(svg).toMatch(/<text[^>]*data-part="footer"[^>]*>Active-passive, US primary · at \d+:\d\d(\.\d)? simulated · Meridian<\/text>/);
});

test('the PNG of a chart is the chart with its title and legend: taller than the chart alone', async ({ page }) => {
  await exportDialog(page);
  const chartBox = await page.locator('figure.chart svg.chart__svg').first().boundingBox();
  const row = page.getByTestId('export-panel').getByRole('listitem').filter({ hasText: 'Read latency by population' });
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: 'PNG' }).click();
  const png = await bytesOf(await downloading);
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  // Drawn at twice the size; the title above and the legend and footer below add to the chart's height.
  expect(width).toBeGreaterThanOrEqual(Math.round((chartBox?.width ?? 0) * 2) - 2);
  expect(height).toBeGreaterThan(Math.round((chartBox?.height ?? 0) * 2) + 80);
});
