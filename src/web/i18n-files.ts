// Translations for files on the picture (src/web/kit/attachments.tsx, src/web/pages/files), merged into i18n.ts.
const sv = {
  files: {
    attachments: 'Bilagor',
    none: 'Inga filer ännu.',
    choose: 'Välj fil',
    chooseHint:
      'PDF, bilder (PNG, JPEG, GIF, WebP), Word, Excel, PowerPoint eller vanlig text. Högst {{size}} per fil.',
    internal: 'Endast för internt bruk',
    internalHint: 'Visas inte för läsare och tas aldrig med i offentliga utskick.',
    upload: 'Ladda upp',
    uploading: 'Laddar upp {{name}}',
    uploaded: '{{name}} är uppladdad.',
    noFile: 'Välj en fil att ladda upp.',
    remove: 'Ta bort',
    removeWhat: 'Ta bort {{name}}',
    confirmRemove: 'Ta bort {{name}}? Det går inte att ångra.',
    removed: '{{name}} är borttagen.',
    download: 'Ladda ner {{name}}',
    uploadedBy: '{{who}}, {{when}}',
    saveFirst: 'Spara lägesbilden först, så kan du bifoga filer till den.',
    library: {
      title: 'Dokument',
      intro:
        'Händelsens dokumentbibliotek: planer, kartor, protokoll och underlag som inte hör till en viss post. Filer som bifogats beslut, loggboken och lägesbilder finns vid sina poster.',
      listTitle: 'Filer i biblioteket',
    },
  },
};

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

export const filesTranslations = { sv, en };
