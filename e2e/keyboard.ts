// Keyboard-only steps for browser tests: moving focus with Tab as a keyboard user does, and
// checking that the focused element shows where focus is.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Presses Tab (or Shift+Tab) until the focused element has the given accessible text. */
export async function tabTo(page: Page, name: string | RegExp, { back = false, max = 60 } = {}) {
  const passed: string[] = [];
  for (let step = 0; step < max; step += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const labelled = element.id
        ? document.querySelector(`label[for="${element.id}"]`)?.textContent
        : null;
      const label = element.getAttribute('aria-label') || labelled || element.textContent || '';
      const style = getComputedStyle(element);
      const visible =
        (style.outlineStyle !== 'none' &&
          parseFloat(style.outlineWidth) > 0 &&
          style.outlineColor !== 'rgba(0, 0, 0, 0)' &&
          style.outlineColor !== 'transparent') ||
        style.boxShadow !== 'none' ||
        style.backgroundColor === 'rgb(255, 221, 0)';
      return { label: label.replace(/\s+/g, ' ').trim(), visible };
    });
    if (!focused) continue;
    passed.push(focused.label);
    const matches = typeof name === 'string' ? focused.label === name : name.test(focused.label);
    if (matches) {
      assert.ok(focused.visible, `focus on "${focused.label}" is visible`);
      return;
    }
  }
  throw new Error(`Tab never reached "${String(name)}"; it passed: ${passed.join(' | ')}`);
}
