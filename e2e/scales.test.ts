// The event's scales: the admin makes the status scale grey/green/yellow/orange/red/black through
// the Skalor screen (adding, moving by keyboard, a wrong colour shown beside its field), with
// axe-core on the screen, and the dashboard then shows the units' statuses on the new scale.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillLevel, moveUp } from './scale-levels.ts';
import { assertAccessible, screenshot, signInFirstAdmin, useE2E, watchErrors } from './support.ts';

const adminPassword = 'Stabschefens-nya-lösen-2024';

const e2e = useE2E();

test('an admin makes the status scale grey to black, and the dashboard follows it', async () => {
  const context = await e2e.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signInFirstAdmin(page, e2e, adminPassword);

  await page.goto(`/events/${e2e.server.eventId}/admin`);
  await page.getByRole('link', { name: 'Skalor' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Skalor' }).waitFor();
  const scale = page.getByRole('region', { name: 'Statusskala' });
  await scale.locator('#status-0-name').waitFor();
  assert.equal(await scale.locator('#status-0-name').inputValue(), 'Normalt');
  await assertAccessible(page, 'scales');

  await scale.locator('#status-0-name').fill('Grön');
  await scale.locator('#status-1-name').fill('Gul');
  await scale.locator('#status-2-name').fill('Röd');
  await scale.getByRole('button', { name: 'Lägg till nivå' }).click();
  await fillLevel(scale, 3, {
    name: 'Grå',
    colour: 'grå',
    symbol: '○',
    meaning: 'Ingen påverkan.',
  });
  await scale.getByRole('button', { name: 'Spara statusskalan' }).click();
  const colourError = scale.locator('#status-3-colour-error');
  await colourError.waitFor();
  assert.equal(
    (await colourError.innerText()).replace(/^Fel:\s*/, ''),
    'Ange färgen som #rrggbb, till exempel #d4351c.',
  );
  await assertAccessible(page, 'scales with an error');

  await scale.locator('#status-3-colour').fill('#b1b4b6');
  await moveUp(page, scale, 3, 3);
  await scale.getByRole('button', { name: 'Lägg till nivå' }).click();
  await fillLevel(scale, 4, {
    name: 'Orange',
    colour: '#f47738',
    symbol: '◆',
    meaning: 'Betydande påverkan.',
  });
  await moveUp(page, scale, 4, 1);
  await scale.getByRole('button', { name: 'Lägg till nivå' }).click();
  await fillLevel(scale, 5, {
    name: 'Svart',
    colour: '#0b0c0c',
    symbol: '✕',
    meaning: 'Verksamheten kan inte bedrivas.',
  });
  assert.equal(
    await scale.getByRole('button', { name: 'Lägg till nivå' }).isDisabled(),
    true,
    'six levels is the most',
  );
  await scale.getByRole('button', { name: 'Spara statusskalan' }).click();
  await scale.getByRole('status').getByText('Skalan är sparad.').waitFor();
  const names = await scale
    .locator('input[id$="-name"]')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  assert.deepEqual(names, ['Grå', 'Grön', 'Gul', 'Orange', 'Röd', 'Svart']);
  await screenshot(page, 'scales-desktop', true);
  await assertAccessible(page, 'scales saved');

  await page.goto(`/events/${e2e.server.eventId}`);
  const grid = page.locator('.panel--units table');
  await grid.waitFor();
  await grid.locator('.tag--scale', { hasText: 'Röd' }).first().waitFor();
  await grid.locator('.tag--scale', { hasText: 'Gul' }).first().waitFor();
  const swatch = grid.locator('.tag--scale', { hasText: 'Röd' }).first().locator('.scale-swatch');
  assert.equal(await swatch.innerText(), '■');
  assert.equal(
    await swatch.evaluate((element) => getComputedStyle(element).backgroundColor),
    'rgb(212, 53, 28)',
  );
  await screenshot(page, 'scales-dashboard-desktop');
  await assertAccessible(page, 'dashboard on the new scale');
  assert.deepEqual(problems, []);
  await context.close();
});
