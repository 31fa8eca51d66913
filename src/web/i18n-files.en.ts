// Translations for files on the picture (src/web/kit/attachments.tsx, src/web/pages/files).
import type sv from './i18n-files.sv.ts';

const en: typeof sv = {
  files: {
    attachments: 'Attachments',
    none: 'No files yet.',
    choose: 'Choose a file',
    chooseHint:
      'PDF, images (PNG, JPEG, GIF, WebP), Word, Excel, PowerPoint or plain text. At most {{size}} per file.',
    internal: 'Internal use only',
    internalHint: 'Not shown to readers and never included in public sends.',
    upload: 'Upload',
    uploading: 'Uploading {{name}}',
    uploaded: '{{name}} has been uploaded.',
    noFile: 'Choose a file to upload.',
    remove: 'Remove',
    removeWhat: 'Remove {{name}}',
    confirmRemove: 'Remove {{name}}? This cannot be undone.',
    removed: '{{name}} has been removed.',
    download: 'Download {{name}}',
    uploadedBy: '{{who}}, {{when}}',
    saveFirst: 'Save the situation first, then you can attach files to it.',
    library: {
      title: 'Documents',
      intro:
        "The event's document library: plans, maps, minutes and background material that belong to no single record. Files attached to decisions, the log book and situations are kept with them.",
      listTitle: 'Files in the library',
    },
  },
};

export default en;
