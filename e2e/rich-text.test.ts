// The section editor as a Word user meets it: the toolbar makes a numbered list, a link and a
// table; the stored text is Markdown and the preview shows them; HTML pasted from Word keeps its
// headings, lists, tables and links and loses the rest. axe-core on the screen, and a screenshot.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  demoPassword,
  demoPeople,
  desktop,
  screenshot,
  signIn,
  useE2E,
  watchErrors,
} from './support.ts';

const e2e = useE2E();

const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:Calibri}</style></head><body lang=SV>
<!--StartFragment--><h1><span style='font-family:"Arial";color:#2F5496'>Läget i regionen<o:p></o:p></span></h1>
<p class=MsoNormal><b><span style='color:red'>Viktigt:</span></b> se <a href="https://www.1177.se/">1177</a><o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Första<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span><![endif]>Andra<span class=MsoCommentReference><![if !supportAnnotations]><a class=msocomanchor href="#_msocom_1">[A1]</a><![endif]></span><o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td style='width:100pt'><p class=MsoNormal><b>Enhet<o:p></o:p></b></p></td><td><p class=MsoNormal><b>Platser</b></p></td></tr><tr><td><p class=MsoNormal>SÖS</p></td><td><p class=MsoNormal>12</p></td></tr></table>
<p class=MsoNormal><img width=100 src="file:///C:/bild.png"><v:shape id="a"></v:shape>Slut</p>
<div style='mso-element:comment-list'><hr><div style='mso-element:comment'><p class=MsoCommentText>En kommentar</p></div></div>
<!--EndFragment--></body></html>`;

async function storedText(page: Page, eventId: number, reportId: number, sectionId: number) {
  const answer = await page.request.get(`/api/events/${eventId}/reports/${reportId}`);
  assert.equal(answer.status(), 200);
  const report = (await answer.json()) as { sections: { id: number; text: string }[] };
  return report.sections.find((section) => section.id === sectionId)?.text;
}

async function clearEditor(page: Page) {
  await page.getByRole('textbox', { name: 'Text' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Spara avsnittet' }).click();
  await page.getByText(/Avsnittet är sparat/).waitFor();
}

test('the toolbar makes a numbered list, a link and a table; Word paste keeps its structure', async () => {
  const eventId = e2e.server.eventId;
  const context = await e2e.newContext(desktop);
  const page = await context.newPage();
  const problems = watchErrors(page);
  await signIn(page, demoPeople.staff, demoPassword);
  await page.goto(`/events/${eventId}/reports`);
  await page.getByLabel('Extrarapport').check();
  await page.getByRole('button', { name: 'Starta nästa rapport' }).click();
  await page.getByRole('heading', { level: 1, name: /Extrarapport nr/ }).waitFor();
  await page.getByRole('link', { name: 'Verksamhetens kommentar', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Verksamhetens kommentar' }).waitFor();
  const [, reportId, sectionId] = /reports\/(\d+)\/sections\/(\d+)/.exec(page.url())!.map(Number);

  const toolbar = page.getByRole('toolbar', { name: 'Formatering' });
  await clearEditor(page);
  await page.keyboard.type('Läget i regionen');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Numrerad lista' }).click();
  assert.equal(
    await toolbar.getByRole('button', { name: 'Numrerad lista' }).getAttribute('aria-pressed'),
    'true',
  );
  await page.keyboard.type('Första');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Andra');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Se ');

  await toolbar.getByRole('button', { name: 'Länk' }).click();
  await page.getByLabel('Länkens adress').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Lägg till länk' }).click();
  await page.getByText('Skriv en adress som börjar med https://, http:// eller mailto:').waitFor();
  await page.getByLabel('Länkens adress').fill('https://www.1177.se/');
  await page.getByLabel('Länkens adress').press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');

  await toolbar.getByRole('button', { name: 'Infoga tabell' }).click();
  for (const cell of ['Enhet', 'Platser', 'SÖS', '12', 'NÄL', '7']) {
    await page.keyboard.type(cell);
    await page.keyboard.press('Tab');
  }
  await toolbar.getByRole('button', { name: 'Ta bort rad' }).click();

  const preview = page.locator('.report-preview');
  assert.deepEqual(await preview.locator('ol li').allTextContents(), ['Första', 'Andra']);
  assert.deepEqual(await preview.locator('th').allTextContents(), ['Enhet', 'Platser']);
  assert.deepEqual(await preview.locator('td').allTextContents(), ['SÖS', '12', 'NÄL', '7']);
  assert.equal(
    await preview.getByRole('link', { name: 'https://www.1177.se/' }).getAttribute('href'),
    'https://www.1177.se/',
  );
  await page.waitForLoadState('networkidle');
  await assertAccessible(page, 'rich-text-editor');
  const shot = await screenshot(page, 'rich-text-editor-desktop', true);
  const docImage = path.resolve(import.meta.dirname, '../docs/images/templates/section-editor.png');
  fs.mkdirSync(path.dirname(docImage), { recursive: true });
  fs.copyFileSync(shot, docImage);
  await save(page);

  assert.equal(
    await storedText(page, eventId, reportId!, sectionId!),
    [
      'Läget i regionen',
      '',
      '1. Första',
      '2. Andra',
      '',
      'Se [https://www.1177.se/](https://www.1177.se/)',
      '',
      '| Enhet | Platser |',
      '| ----- | ------- |',
      '| SÖS   | 12      |',
      '| NÄL   | 7       |',
    ].join('\n'),
  );

  // Word's HTML, as the browser hands it to the editor on paste.
  await clearEditor(page);
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Läget i regionen');
    document
      .getElementById('section-text')!
      .dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
  }, wordHtml);
  await preview.getByRole('heading', { name: 'Läget i regionen' }).first().waitFor();
  await save(page);
  assert.equal(
    await storedText(page, eventId, reportId!, sectionId!),
    [
      '## Läget i regionen',
      '',
      '**Viktigt:** se [1177](https://www.1177.se/)',
      '',
      '1. Första',
      '2. Andra',
      '',
      '| **Enhet** | **Platser** |',
      '| --------- | ----------- |',
      '| SÖS       | 12          |',
      '',
      'Slut',
    ].join('\n'),
  );
  assert.deepEqual(problems, []);
  await context.close();
});
