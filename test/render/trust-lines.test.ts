import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { renderDocx } from '../../src/render/docx.ts';
import { renderEmail } from '../../src/render/email.ts';
import { renderHtml } from '../../src/render/html.ts';
import { renderMarkdown } from '../../src/render/markdown.ts';
import { renderPdf } from '../../src/render/pdf.ts';
import { reportFixture } from './fixture.ts';
import { htmlHeadings, pdfToText } from './helpers.ts';
import { newerReportFixture } from './newer-fixture.ts';

const FACTS = [
  'Rapport nr 12',
  'Rapportperiod: vecka 45 2024',
  'Data per 2024-11-05 14:00',
  'Publicerad: 2024-11-05 18:05',
  'Beredskapsnivå: Stabsläge sedan 2024-11-01 08:00',
  'Sammanställd av: Karin Ek (Stab), Johan Lindqvist (Kommunikatör)',
  'Godkänd av: Maria Holm (Godkännare)',
];
const LEAD_UPDATED = 'Uppdaterad: 2024-11-05 17:10';
const TEXT_UPDATED = 'Uppdaterad: 2024-11-05 16:45';

describe('what a reader needs to trust a report', () => {
  const snapshot = newerReportFixture();

  it('in HTML: the facts, the lead summary first and marked, each section updated', () => {
    const html = renderHtml(snapshot).html;
    assert.ok(
      html.includes(`<ul class="facts">${FACTS.map((fact) => `<li>${fact}</li>`).join('')}</ul>`),
    );
    assert.deepEqual(htmlHeadings(html).slice(0, 3), [
      [1, 'Regional rapport vecka 45'],
      [2, 'I korthet'],
      [2, 'Läget i regionen'],
    ]);
    assert.ok(
      html.includes(
        '<section class="section level-1 lead" aria-labelledby="avsnitt-1">\n<p class="lead-marker">Sammanfattning</p>\n' +
          `<h2 id="avsnitt-1">I korthet</h2>\n<p class="section-updated">${LEAD_UPDATED}</p>`,
      ),
    );
    assert.ok(
      html.includes(
        `<h2 id="avsnitt-2">Läget i regionen</h2>\n<p class="section-updated">${TEXT_UPDATED}</p>`,
      ),
    );
  });

  it('in the e-mail, both parts', () => {
    const email = renderEmail(snapshot);
    for (const fact of FACTS) {
      assert.ok(email.html.includes(`<li>${fact}</li>`), fact);
    }
    assert.ok(email.text.includes(FACTS.join('\n')));
    assert.ok(
      email.text.includes(
        `SAMMANFATTNING\nI korthet\n=========\n${LEAD_UPDATED}\n\nLäget är ansträngt`,
      ),
    );
    assert.ok(email.text.includes(`Läget i regionen\n================\n${TEXT_UPDATED}\n`));
  });

  it('in Markdown', () => {
    const markdown = renderMarkdown(snapshot);
    assert.ok(markdown.includes(FACTS.join('  \n')));
    assert.ok(
      markdown.includes(
        `**Sammanfattning**\n\n## I korthet\n\n*${LEAD_UPDATED}*\n\nLäget är **ansträngt** men stabilt.\n\n## Läget i regionen\n\n*${TEXT_UPDATED}*`,
      ),
    );
  });

  it('in PDF', async () => {
    const text = pdfToText(await renderPdf(snapshot)).replace(/\s+/g, ' ');
    assert.ok(text.includes(FACTS.join(' · ')));
    assert.ok(
      text.includes(
        `SAMMANFATTNING I korthet ${LEAD_UPDATED} Läget är ansträngt men stabilt. Läget i regionen ${TEXT_UPDATED}`,
      ),
    );
  });

  describe('in Word', () => {
    let texts: string[] = [];

    before(async () => {
      const zip = await JSZip.loadAsync(await renderDocx(snapshot));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      texts = [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([, inner]) =>
        [...(inner ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      );
    });

    it('has the facts, the lead first and each section updated', () => {
      assert.ok(texts.includes(FACTS.join(' · ')));
      const lead = texts.indexOf('SAMMANFATTNING');
      assert.deepEqual(texts.slice(lead, lead + 4), [
        'SAMMANFATTNING',
        'I korthet',
        LEAD_UPDATED,
        'Läget är ansträngt men stabilt.',
      ]);
      const text = texts.indexOf('Läget i regionen');
      assert.ok(text > lead);
      assert.equal(texts[text + 1], TEXT_UPDATED);
    });
  });

  it('leaves an older snapshot, without these fields, as it was', () => {
    const older = renderMarkdown(reportFixture());
    assert.ok(
      older.includes(
        'Sammanställd av: Karin Ek, Johan Lindqvist  \nGodkänd av: Maria Holm, regional tjänsteman i beredskap',
      ),
    );
    for (const absent of ['Rapportperiod', 'Beredskapsnivå', 'Uppdaterad', 'Sammanfattning']) {
      assert.ok(!older.includes(absent), absent);
    }
  });
});
