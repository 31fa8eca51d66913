// The section editor's stored form: Markdown in, the editor's document, Markdown out; and what
// is left of HTML pasted from Word before the editor's schema reads it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canonicalMarkdown,
  cleanPastedHtml,
  docToMarkdown,
  markdownToDoc,
} from '../../src/web/pages/reports/richtext/schema.ts';

const section = [
  '## Läget',
  '',
  'Första raden\\',
  'andra raden',
  '',
  '- en punkt',
  '- **fet** och *kursiv* och [1177](https://www.1177.se/)',
  '  - under',
  '',
  '3. tre',
  '4. fyra',
  '',
  '| Enhet | Beläggning |',
  '| ----- | ---------- |',
  '| SÖS   | 95 %       |',
  '',
  '### Slut',
  '',
  'Med `kod` kvar.',
].join('\n');

describe('rich text: Markdown through the editor', () => {
  it('keeps headings, hard breaks, lists, list numbers, tables and links', () => {
    assert.equal(docToMarkdown(markdownToDoc(section)), section);
  });

  it('reads a table as a table of header and body cells', () => {
    const table = markdownToDoc(section).content?.find((node) => node.type === 'table');
    assert.deepEqual(
      table?.content?.map((row) => row.content?.map((cell) => cell.type)),
      [
        ['tableHeader', 'tableHeader'],
        ['tableCell', 'tableCell'],
      ],
    );
  });

  it('opens a text written with "- " bullets unchanged', () => {
    const old = 'Läget är stabilt.\n\n- Akuten har kö\n- Ambulansen har läget under kontroll';
    assert.equal(canonicalMarkdown(old), old);
  });

  it('writes a hard break as a backslash line end, which markdown-it reads as <br>', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Rad ett' },
            { type: 'hardBreak' },
            { type: 'text', text: 'rad två' },
          ],
        },
      ],
    };
    assert.equal(docToMarkdown(doc), 'Rad ett\\\nrad två');
  });

  it('turns a javascript: link into its text', () => {
    assert.equal(canonicalMarkdown('Se [här](javascript:alert(1)) nu'), 'Se här nu');
  });
});

const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:Calibri}</style></head><body lang=SV>
<!--StartFragment--><h1><span style='font-family:"Arial"'>Läget<o:p></o:p></span></h1>
<p class=MsoNormal><b><span style='color:red'>Viktigt:</span></b> se <a href="https://www.1177.se/">1177</a><o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Första<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'>o<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>Under<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span><![endif]>Andra<span class=MsoCommentReference><![if !supportAnnotations]><a class=msocomanchor href="#_msocom_1">[A1]</a><![endif]></span><o:p></o:p></p>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>SÖS<o:p></o:p></p></td></tr></table>
<p class=MsoNormal><img width=100 src="file:///C:/bild.png"><v:shape id="a"></v:shape>Slut</p>
<div style='mso-element:comment-list'><hr><div style='mso-element:comment'><p class=MsoCommentText>En kommentar</p></div></div>
<!--EndFragment--></body></html>`;

describe('rich text: pasting from Word', () => {
  it('keeps headings, links, lists and tables and drops Office markup, images and comments', () => {
    assert.equal(
      cleanPastedHtml(wordHtml),
      [
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=SV>',
        `<h2><span style='font-family:"Arial"'>Läget</span></h2>`,
        `<p class=MsoNormal><b><span style='color:red'>Viktigt:</span></b> se <a href="https://www.1177.se/">1177</a></p>`,
        '',
        '<ol><li><p>Första</p><ul><li><p>Under</p></li></ul></li><li><p>Andra<span class=MsoCommentReference></span></p></li></ol>' +
          '<table class=MsoTableGrid border=1><tr><th><p class=MsoNormal>SÖS</p></th></tr></table>',
        '<p class=MsoNormal>Slut</p>',
        '</body></html>',
      ].join('\n'),
    );
  });

  it('maps every heading level into the section levels 2 and 3', () => {
    assert.equal(
      cleanPastedHtml('<h1>A</h1><h3 class=x>B</h3><h5>C</h5>'),
      '<h2>A</h2><h3 class=x>B</h3><h3>C</h3>',
    );
  });
});
