import fs from 'node:fs';
import path from 'node:path';

// DejaVu Sans, by file path: the PDF's text and every chart image are drawn with the same font
// files, never with whatever a font lookup of the machine would pick.
const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';

export const DEJAVU_FILES = {
  normal: path.join(DEJAVU_DIR, 'DejaVuSans.ttf'),
  bold: path.join(DEJAVU_DIR, 'DejaVuSans-Bold.ttf'),
  italics: path.join(DEJAVU_DIR, 'DejaVuSans-Oblique.ttf'),
  bolditalics: path.join(DEJAVU_DIR, 'DejaVuSans-BoldOblique.ttf'),
};

export const DEJAVU_FAMILY = 'DejaVu Sans';

/** Whether the DejaVu Sans files are installed (Debian: fonts-dejavu-core). */
export function hasDejaVu(): boolean {
  return Object.values(DEJAVU_FILES).every((file) => fs.existsSync(file));
}
