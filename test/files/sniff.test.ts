import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitiseFileName, sniffFileKind } from '../../src/server/files/sniff.ts';
import { samples } from './samples.ts';

describe('file kinds read from the bytes', () => {
  it('recognises each kind Lägesbild keeps', async () => {
    assert.equal(sniffFileKind(samples.pdf()), 'pdf');
    assert.equal(sniffFileKind(samples.png()), 'png');
    assert.equal(sniffFileKind(samples.jpeg()), 'jpeg');
    assert.equal(sniffFileKind(samples.gif()), 'gif');
    assert.equal(sniffFileKind(samples.webp()), 'webp');
    assert.equal(sniffFileKind(await samples.docx()), 'docx');
    assert.equal(sniffFileKind(samples.xlsx()), 'xlsx');
    assert.equal(sniffFileKind(samples.pptx()), 'pptx');
    assert.equal(sniffFileKind(samples.doc()), 'doc');
    assert.equal(sniffFileKind(samples.xls()), 'xls');
    assert.equal(sniffFileKind(samples.text()), 'text');
  });

  it('refuses what it does not keep', () => {
    assert.equal(sniffFileKind(samples.plainZip()), null, 'a zip without [Content_Types].xml');
    assert.equal(sniffFileKind(Buffer.from('Rad ett\u0000rad två')), null, 'text with a NUL');
    assert.equal(sniffFileKind(Buffer.from([0x41, 0xc3, 0x28])), null, 'invalid UTF-8');
    assert.equal(sniffFileKind(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02])), null, 'a program');
    const ole = samples.doc();
    ole.fill(0, 512);
    assert.equal(sniffFileKind(ole), null, 'a compound file with no Office stream');
  });

  it('cleans a name for display without losing its ending', () => {
    assert.equal(sanitiseFileName('C:\\Users\\elin\\Läget v45.pdf'), 'Läget v45.pdf');
    assert.equal(sanitiseFileName('../../etc/passwd.txt'), 'passwd.txt');
    assert.equal(sanitiseFileName('rapport\u202egnp.pdf'), 'rapportgnp.pdf');
    assert.equal(sanitiseFileName('  två   mellanslag\t.txt '), 'två mellanslag .txt');
  });
});
