// Editing a scale's levels on the Skalor screen, shared by the browser tests that build a scale.
import type { Locator, Page } from 'playwright-core';

export interface LevelInput {
  name: string;
  colour: string;
  symbol: string;
  meaning: string;
}

/** Fills the level at `index` of the status scale. */
export async function fillLevel(scale: Locator, index: number, level: LevelInput) {
  await scale.locator(`#status-${index}-name`).fill(level.name);
  await scale.locator(`#status-${index}-colour`).fill(level.colour);
  await scale.locator(`#status-${index}-symbol`).fill(level.symbol);
  await scale.locator(`#status-${index}-meaning`).fill(level.meaning);
}

/** Moves the level at `from` up `times` steps with the keyboard. */
export async function moveUp(page: Page, scale: Locator, from: number, times: number) {
  for (let step = 0; step < times; step += 1) {
    await scale.locator(`#status-${from - step}-up`).focus();
    await page.keyboard.press('Enter');
  }
}
