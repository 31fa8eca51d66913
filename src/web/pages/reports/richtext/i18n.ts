// The rich-text editor's words, added to the translations when its chunk loads, so that the
// app's initial JavaScript does not carry them.
import i18n from '../../../i18n.ts';

const sv = {
  toolbar: 'Formatering',
  heading2: 'Rubrik',
  heading3: 'Underrubrik',
  bold: 'Fet',
  italic: 'Kursiv',
  bulletList: 'Punktlista',
  orderedList: 'Numrerad lista',
  insertTable: 'Infoga tabell',
  addRow: 'Lägg till rad',
  deleteRow: 'Ta bort rad',
  addColumn: 'Lägg till kolumn',
  deleteColumn: 'Ta bort kolumn',
  deleteTable: 'Ta bort tabell',
  link: 'Länk',
  linkUrl: 'Länkens adress',
  linkApply: 'Lägg till länk',
  linkRemove: 'Ta bort länk',
  linkCancel: 'Avbryt',
  linkInvalid: 'Skriv en adress som börjar med https://, http:// eller mailto:',
  undo: 'Ångra',
  redo: 'Gör om',
};

const en: typeof sv = {
  toolbar: 'Formatting',
  heading2: 'Heading',
  heading3: 'Subheading',
  bold: 'Bold',
  italic: 'Italic',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  insertTable: 'Insert table',
  addRow: 'Add row',
  deleteRow: 'Delete row',
  addColumn: 'Add column',
  deleteColumn: 'Delete column',
  deleteTable: 'Delete table',
  link: 'Link',
  linkUrl: 'Link address',
  linkApply: 'Add link',
  linkRemove: 'Remove link',
  linkCancel: 'Cancel',
  linkInvalid: 'Enter an address starting with https://, http:// or mailto:',
  undo: 'Undo',
  redo: 'Redo',
};

i18n.addResourceBundle('sv', 'translation', { reports: { richText: sv } }, true, false);
i18n.addResourceBundle('en', 'translation', { reports: { richText: en } }, true, false);
