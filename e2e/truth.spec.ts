/** The screen says what the run knows: who takes the writes, durations in one format, honest compare and exports. */
import { expect, test, type Page } from '@playwright/test';
import { defaultScenario } from '../engine/scenario/defaultScenario.ts';
import { linkFor, opened, watchErrors } from './helpers.ts';

const role = (page: Page, regionId: string) => page.getByTestId(`region-role-${regionId}`);

/** Plays the run if it is paused (a link opens paused at its start). */
async function play(page: Page): Promise<void> {
  const playButton = page.getByRole('button', { name: 'Play', exact: true });
  if (await playButton.isVisible()) await playButton.click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
}

test('after a promotion the map and the inspector mark the new primary and the old one down', async ({ page }) => {
  const errors = watchErrors(page);
  await opened(page, linkFor({ faults: [{ kind: 'region-down', region: 'us-east', atS: 5 }] }));
  await expect(role(page, 'us-east')).toHaveAttribute('data-role', 'primary');
  await expect(role(page, 'eu-west')).toHaveCount(0);
  await play(page);
  await page.getByLabel('Speed').selectOption('60');
  await expect(role(page, 'eu-west')).toHaveAttribute('data-role', 'primary', { timeout: 30_000 });
  await expect(role(page, 'us-east')).toHaveAttribute('data-role', 'former-down');
  await expect(role(page, 'us-east')).toHaveText('was primary, down');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByTestId('region-node-eu-west').locator('.map-node__dot').click({ force: true });
  await expect(page.getByTestId('inspector-region-role')).toHaveText(/Primary: takes the writes/);
  await page.getByTestId('region-node-us-east').locator('.map-node__dot').click({ force: true });
  await expect(page.getByTestId('inspector-region-role')).toHaveText(/Was the primary; down/);
  expect(errors).toEqual([]);
});

test('in a split brain both primaries show for as long as it lasts', async ({ page }) => {
  await opened(
    page,
    linkFor({
      data: { ...defaultScenario.data, fencing: false },
      faults: [
        { kind: 'region-down', region: 'us-east', atS: 5 },
        { kind: 'region-up', region: 'us-east', atS: 70 },
      ],
    }),
  );
  await play(page);
  await page.getByLabel('Speed').selectOption('60');
  await expect(role(page, 'us-east')).toHaveAttribute('data-role', 'former-down', { timeout: 30_000 });
  await expect(role(page, 'eu-west')).toHaveAttribute('data-role', 'primary');
  await expect(role(page, 'us-east')).toHaveAttribute('data-role', 'primary', { timeout: 30_000 });
  await expect(role(page, 'eu-west')).toHaveAttribute('data-role', 'primary');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByTestId('region-node-us-east').locator('.map-node__dot').click({ force: true });
  await expect(page.getByTestId('inspector-region-role')).toHaveText(/two primaries take writes at once/);
});

test('an old primary back with fencing is demoted, not a primary', async ({ page }) => {
  await opened(page, linkFor({ faults: [{ kind: 'region-down', region: 'us-east', atS: 5 }, { kind: 'region-up', region: 'us-east', atS: 70 }] }));
  await play(page);
  await page.getByLabel('Speed').selectOption('60');
  await expect(role(page, 'us-east')).toHaveAttribute('data-role', 'demoted', { timeout: 30_000 });
  await expect(role(page, 'eu-west')).toHaveAttribute('data-role', 'primary');
});
