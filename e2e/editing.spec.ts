import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Scenario } from '../engine/scenario/schema.ts';
import { autosavedScenario, linkedScenario } from './helpers.ts';

/** Collects uncaught errors and console errors, so every test also checks the page stayed clean. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const regions = (page: Page) => page.locator('.map-node--region');
const clickRegion = (page: Page, id: string) => page.getByTestId(`region-node-${id}`).locator('.map-node__dot').click();

test('build a scenario from the palette, delete, undo, redo, validate a field, and find it again after a reload', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  await expect(regions(page)).toHaveCount(3);
  const palette = page.getByRole('region', { name: 'Palette' });

  // 1. Keyboard only: search the catalogue and press Enter: the best match lands at its real place.
  const search = palette.getByRole('searchbox', { name: 'Search cloud regions' });
  await search.fill('aws frankfurt');
  await expect(palette.getByTestId('palette-region-aws:eu-central-1')).toBeVisible();
  await search.press('Enter');
  await expect(regions(page)).toHaveCount(4);
  await expect(page.getByTestId('region-node-eu-central-1')).toBeVisible();
  // The new region is selected and shown in the inspector, as a catalogue region.
  await expect(page.getByTestId('inspector-region-kind')).toContainText('Catalogue region aws:eu-central-1: Frankfurt');

  // 2. Search by provider and city, arrow down to an entry, Enter on it.
  await search.fill('gcp sydney');
  await search.press('ArrowDown');
  await expect(palette.getByTestId('palette-region-gcp:australia-southeast1')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(regions(page)).toHaveCount(5);
  await expect(page.getByTestId('region-node-australia-southeast1')).toBeVisible();

  // 3. Drag a custom region from the palette onto Mexico: it lands where it is dropped.
  await palette.getByRole('tab', { name: 'Custom' }).click();
  const mexico = await page.locator('.world-map__country[data-country="484"]').boundingBox();
  const canvas = await page.getByTestId('map-canvas').boundingBox();
  if (!mexico || !canvas) throw new Error('map not laid out');
  await palette.getByTestId('palette-custom-region').dragTo(page.getByTestId('map-canvas'), {
    targetPosition: { x: mexico.x + mexico.width / 2 - canvas.x, y: mexico.y + mexico.height / 2 - canvas.y },
  });
  await expect(regions(page)).toHaveCount(6);
  await expect(page.getByTestId('inspector-region-kind')).toContainText('Custom region at 2');
  const lat = Number(await page.getByTestId('inspector-region-lat').inputValue());
  const lon = Number(await page.getByTestId('inspector-region-lon').inputValue());
  expect(lat).toBeGreaterThan(18);
  expect(lat).toBeLessThan(29);
  expect(lon).toBeGreaterThan(-110);
  expect(lon).toBeLessThan(-95);
  await expect(page.getByLabel('Jurisdiction')).toHaveValue('MX'); // from the nearest big city

  // A city's users from the lazily loaded city list.
  await palette.getByRole('tab', { name: 'Users' }).click();
  const cities = palette.getByRole('searchbox', { name: 'Search cities' });
  await cities.fill('lagos');
  await expect(palette.getByTestId('palette-city-lagos')).toBeVisible();
  await cities.press('Enter');
  await expect(page.getByTestId('node-user:lagos')).toBeVisible();
  // The running engine takes the edit live: the new population's latency streams in.
  await expect(page.getByTestId('read-p50-lagos')).toHaveText(/^\d+$/, { timeout: 20_000 });

  // Select one region and delete it; undo brings it back, redo removes it again.
  await clickRegion(page, 'eu-central-1');
  await expect(page.getByTestId('inspector-region-eu-central-1')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('region-node-eu-central-1')).toHaveCount(0);
  await expect(regions(page)).toHaveCount(5);
  await expect(page.getByTestId('edit-status')).toHaveText('Deleted region eu-central-1');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('region-node-eu-central-1')).toBeVisible();
  await expect(page.getByTestId('edit-status')).toHaveText('Undone: Deleted region eu-central-1');
  await expect(regions(page)).toHaveCount(6);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('region-node-eu-central-1')).toHaveCount(0);
  await expect(page.getByTestId('edit-status')).toHaveText('Redone: Deleted region eu-central-1');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('region-node-eu-central-1')).toHaveCount(0);

  // Deleting the primary hands it on and keeps the run going: the scenario stays valid.
  await clickRegion(page, 'us-east');
  await page.keyboard.press('Backspace');
  await expect(regions(page)).toHaveCount(4);
  await expect(page.locator('.map-node__badge')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(regions(page)).toHaveCount(5);

  // An invalid value in the inspector: the schema's message in place, the value not applied.
  await page.getByTestId('node-user:berlin').click();
  const latField = page.getByTestId('inspector-user-lat');
  await expect(latField).toHaveValue('52.52');
  await latField.fill('123');
  await expect(latField).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await latField.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText('Latitude must be between -90 and 90');
  await latField.press('Enter');
  await latField.blur();
  await expect(latField).toHaveValue('123'); // the draft stays, with its message
  await expect(latField).toHaveAttribute('aria-invalid', 'true');
  const axe = await new AxeBuilder({ page }).include('.editor-column').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  const berlinNode = await centreOf(page, '[data-testid="node-user:berlin"]');
  const germanyNow = await page.locator('.world-map__country[data-country="276"]').boundingBox();
  expect(germanyNow && berlinNode.y > germanyNow.y - 5 && berlinNode.y < germanyNow.y + germanyNow.height + 5).toBe(true);
  // A valid value is applied.
  await latField.fill('48.14');
  await latField.press('Enter');
  await expect(latField).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('inspector-user-qps').fill('750');
  await page.getByTestId('inspector-user-qps').press('Enter');

  // Reload: the link keeps it; and a fresh visit without the link finds it in the autosave. Both are written a
  // moment after the last edit: wait until both carry it.
  const berlinIn = (scenario: Scenario | null) => scenario?.users.find((u) => u.id === 'berlin');
  await expect.poll(() => berlinIn(linkedScenario(page))).toMatchObject({ lat: 48.14, qps: 750 });
  await expect.poll(async () => berlinIn(await autosavedScenario(page))).toMatchObject({ lat: 48.14, qps: 750 });
  await page.reload();
  await expect(regions(page)).toHaveCount(5);
  await expect(page.getByTestId('region-node-australia-southeast1')).toBeVisible();
  await page.goto('about:blank');
  await page.goto('/');
  await expect(regions(page)).toHaveCount(5);
  await expect(page.getByTestId('node-user:lagos')).toBeVisible();
  await page.getByTestId('node-user:berlin').click();
  await expect(page.getByTestId('inspector-user-lat')).toHaveValue('48.14');
  await expect(page.getByTestId('inspector-user-qps')).toHaveValue('750');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the routing layer and the scenario settings are edited in the inspector; a bad link keeps the autosave', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();

  // Routing from the palette: the policy changes and the inspector shows its settings.
  const palette = page.getByRole('region', { name: 'Palette' });
  await palette.getByRole('tab', { name: 'Routing' }).click();
  await palette.getByTestId('palette-routing-anycast').click();
  await expect(page.getByTestId('routing-node')).toHaveText('Routing: Anycast');
  await expect(page.getByTestId('inspector-routing')).toBeVisible();
  await page.getByTestId('inspector-routing-policy').selectOption('geodns');
  const ttl = page.getByTestId('inspector-routing-ttl');
  await ttl.fill('-4');
  await expect(page.getByTestId('inspector-routing').getByText('DNS TTL must be between 0 and 86,400')).toBeVisible();
  await ttl.fill('30');
  await ttl.press('Enter');
  await expect(ttl).toHaveValue('30');

  // A custom region by keyboard: the entry leads to its coordinates, checked by the schema's rules.
  await palette.getByRole('tab', { name: 'Custom' }).click();
  await palette.getByTestId('palette-custom-region').press('Enter');
  await page.keyboard.type('-91');
  await page.keyboard.press('Tab');
  await page.keyboard.type('36.82');
  await page.keyboard.press('Enter');
  await expect(palette.getByText('Latitude must be between -90 and 90')).toBeVisible();
  await expect(regions(page)).toHaveCount(3);
  await palette.getByRole('textbox', { name: 'Lat' }).first().fill('-1.29');
  await palette.getByRole('textbox', { name: 'Lat' }).first().press('Enter');
  await expect(page.getByTestId('region-node-custom')).toBeVisible();
  await expect(page.getByLabel('Jurisdiction')).toHaveValue('KE'); // Nairobi is the nearest big city
  await page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' }).click();
  await expect(regions(page)).toHaveCount(3);

  // Renaming a region: a taken id is refused in place; a new one carries the primary role with it.
  await clickRegion(page, 'us-east');
  const idField = page.getByTestId('inspector-region-id');
  await idField.fill('eu-west');
  await expect(page.getByText('Id is taken by another region')).toBeVisible();
  await idField.fill('virginia');
  await idField.press('Enter');
  await expect(page.getByTestId('region-node-virginia')).toBeVisible();
  await expect(page.getByTestId('inspector-region-id')).toHaveValue('virginia');
  await expect(page.getByTestId('inspector-region-id')).toBeFocused();
  await expect(page.getByTestId('region-node-virginia').locator('.map-node__badge')).toHaveText('primary');

  // Scenario settings with nothing selected: a cross-field rule's message appears at its field.
  await page.getByRole('button', { name: '← Scenario settings' }).click();
  await expect(page.getByTestId('inspector-scenario')).toBeVisible();
  await page.getByTestId('inspector-data-replication').selectOption('semi-sync');
  const quorum = page.getByTestId('inspector-data-quorum');
  await quorum.fill('5');
  await expect(page.getByText('Quorum (replicas) must be at most the number of other regions (2)')).toBeVisible();
  await quorum.fill('2');
  await quorum.press('Enter');
  await page.getByTestId('inspector-scenario-name').fill('My edited scenario');
  await page.getByTestId('inspector-scenario-name').press('Enter');
  await expect(page.getByTestId('scenario-name')).toHaveText('My edited scenario');

  // Every inspector edit is undoable.
  await page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Active-passive, US primary');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('scenario-name')).toHaveText('My edited scenario');
  await expect(page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Redo' })).toBeDisabled();

  // A bad link shows a message and the autosaved scenario, and does not overwrite the autosave.
  await expect.poll(async () => (await autosavedScenario(page))?.name).toBe('My edited scenario');
  await page.goto('about:blank');
  await page.goto('/#this-is-not-a-scenario');
  await expect(page.getByRole('alert').first()).toContainText('Showing your autosaved scenario instead');
  await expect(page.getByTestId('scenario-name')).toHaveText('My edited scenario');
  await page.goto('about:blank');
  await page.goto('/');
  await expect(page.getByTestId('scenario-name')).toHaveText('My edited scenario');

  // Corrupt autosave data: a message and the default scenario, no crash.
  await page.evaluate(() => localStorage.setItem('meridian.autosave.v1', '{"version":1,"regions":"oops"'));
  await page.goto('about:blank');
  await page.goto('/');
  await expect(page.getByRole('alert').first()).toContainText('autosaved scenario is damaged');
  await expect(page.getByTestId('scenario-name')).toHaveText('Active-passive, US primary');
  expect(errors).toEqual([]);
});

test('select several (shift-click, shift-drag), edit them together, duplicate, cut and paste, and nudge with the arrow keys', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.locator('.world-map[data-loaded="true"]')).toBeVisible();
  await expect(regions(page)).toHaveCount(3);

  // Shift-click selects several; duplicate them with Ctrl+D.
  await page.getByTestId('node-user:berlin').click();
  await page.getByTestId('node-user:tokyo').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('inspector-multi')).toContainText('2 selected');
  // Their common settings are edited together, as one step.
  const sharedQps = page.getByTestId('inspector-shared-qps');
  await expect(sharedQps).toHaveValue(''); // Berlin 300, Tokyo 250: mixed
  await expect(sharedQps).toHaveAttribute('placeholder', '(mixed)');
  await sharedQps.fill('333');
  await sharedQps.press('Enter');
  await expect(page.getByTestId('edit-status')).toHaveText('Changed users berlin, tokyo');
  await expect(sharedQps).toHaveValue('333');
  await page.getByTestId('inspector-multi').getByRole('heading').click(); // out of the field, so keys go to the editor
  await page.keyboard.press('Control+d');
  await expect(page.getByTestId('node-user:berlin-copy')).toBeVisible();
  await expect(page.getByTestId('node-user:tokyo-copy')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-user:berlin-copy')).toHaveCount(0);

  // Cut and paste: the population goes, and comes back where it was.
  await page.getByTestId('node-user:sao-paulo').click();
  await page.keyboard.press('Control+x');
  await expect(page.getByTestId('node-user:sao-paulo')).toHaveCount(0);
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('node-user:sao-paulo')).toBeVisible();
  await expect(page.getByTestId('inspector-user-lat')).toHaveValue('-23.55');

  // Shift and drag on the map draws a selection box: Dublin's region and Berlin's users are inside.
  await page.keyboard.press('Escape');
  const dublin = await centreOf(page, '[data-testid="region-node-eu-west"] .map-node__dot');
  const berlin = await centreOf(page, '[data-testid="node-user:berlin"]');
  await page.keyboard.down('Shift');
  await page.mouse.move(Math.min(dublin.x, berlin.x) - 12, Math.min(dublin.y, berlin.y) - 12);
  await page.mouse.down();
  await page.mouse.move(Math.max(dublin.x, berlin.x) + 12, Math.max(dublin.y, berlin.y) + 12, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('inspector-multi')).toContainText('2 selected');
  await expect(page.getByTestId('inspector-multi')).toContainText('eu-west');
  await expect(page.getByTestId('inspector-multi')).toContainText('berlin');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('inspector-scenario')).toBeVisible();

  // Arrow keys move the selected node (a burst of presses is one edit), and undo puts it back.
  await page.getByTestId('node-user:berlin').click();
  const lonField = page.getByTestId('inspector-user-lon');
  await expect(lonField).toHaveValue('13.4');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await lonField.inputValue())).toBeGreaterThan(15);
  await page.keyboard.press('Control+z');
  await expect(lonField).toHaveValue('13.4');
  expect(errors).toEqual([]);
});
