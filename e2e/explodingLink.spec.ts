/**
 * A forged link that lz-string would expand to billions of characters (engine/scenario/lzDecompress.ts): the page
 * says so and keeps the autosaved work, instead of freezing for seconds and gigabytes first.
 */
import { expect, test } from '@playwright/test';
import { quadraticBomb } from '../engine/scenario/lzBomb.fixture.ts';
import { crc32Hex, MAX_HASH_CHARS } from '../engine/scenario/url.ts';
import { autosavedScenario, opened } from './helpers.ts';

test('a 196,000-character link that would expand to 3 billion characters is refused with a message', async ({ page }) => {
  await opened(page);
  await page.getByTestId('open-presets').click();
  await page.getByTestId('preset:conflicts-crdt').click();
  const name = 'Alice and Bob with a CRDT register';
  await expect(page.getByTestId('scenario-name')).toHaveText(name);
  await expect.poll(async () => (await autosavedScenario(page))?.name).toBe(name); // written a moment after the change
  const payload = quadraticBomb(77_000); // (77,001 x 77,002) / 2 characters of 'a' once decompressed
  const link = `s1.${crc32Hex(payload)}.${payload}`;
  expect(link.length).toBeLessThanOrEqual(MAX_HASH_CHARS);
  await page.goto(`/?exploding#${link}`);
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('expands to more than 5 MB');
  await expect(page.getByTestId('scenario-name')).toHaveText(name); // the autosaved work, untouched
});
