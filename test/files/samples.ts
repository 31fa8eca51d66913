import { Document, Packer, Paragraph } from 'docx';
import { zipSync } from 'fflate';

/** Small files of each kind, made from their bytes as the programs that write them would. */
export const samples = {
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n'),
  png: () =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
    ]),
  jpeg: () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
  gif: () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
  webp: () => Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00', 'latin1'),
  docx: () =>
    Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Beslut om förstärkningsläge.')] }] }),
    ),
  xlsx: () =>
    Buffer.from(
      zipSync({
        '[Content_Types].xml': Buffer.from('<Types/>'),
        'xl/workbook.xml': Buffer.from('<workbook/>'),
      }),
    ),
  pptx: () =>
    Buffer.from(
      zipSync({
        '[Content_Types].xml': Buffer.from('<Types/>'),
        'ppt/presentation.xml': Buffer.from('<presentation/>'),
      }),
    ),
  /** A zip that is not an Office file: no [Content_Types].xml. */
  plainZip: () => Buffer.from(zipSync({ 'word/document.xml': Buffer.from('<document/>') })),
  doc: () => legacyOffice('WordDocument'),
  xls: () => legacyOffice('Workbook'),
  text: () => Buffer.from('Kl. 14.10 rapporterar Gunnar Lindqvist att reservkraften är igång.\n'),
};

function legacyOffice(stream: string): Buffer {
  return Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    Buffer.from(`Root Entry`, 'utf16le'),
    Buffer.alloc(54),
    Buffer.from(stream, 'utf16le'),
  ]);
}
