// Translations for files on the picture (src/web/kit/attachments.tsx, src/web/pages/files).
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

export default sv;
