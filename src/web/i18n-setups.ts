// Translations for event set-ups: the library (/admin/setups), an event's own set-up
// (/events/:id/admin/setup) and the choice of origin when an event is created.
const sv = {
  setups: {
    library: {
      title: 'Uppsättningar',
      intro:
        'En uppsättning är en händelses form utan innehåll: enheter, skalor, rapportformulär, perioder, rapportmallar och regler. En ny händelse startar från en uppsättning här, från standarden eller som en kopia av en tidigare händelse. Uppsättningar flyttas mellan installationer som JSON-filer.',
      listTitle: 'Biblioteket',
      empty: 'Biblioteket är tomt. Läs in en fil eller spara en händelses uppsättning.',
      name: 'Namn',
      description: 'Beskrivning',
      templates: 'Rapportmallar',
      updated: 'Ändrad',
      download: 'Ladda ner',
      remove: 'Ta bort',
      confirmRemove:
        'Ta bort uppsättningen {{name}}? Händelser som redan startat från den påverkas inte.',
      removed: 'Uppsättningen {{name}} är borttagen.',
      importTitle: 'Läs in en fil',
      importHint: 'En JSON-fil som exporterats från Lägesbild (…lagesbild.json).',
      file: 'Fil',
      import: 'Läs in',
      imported: 'Uppsättningen {{name}} finns nu i biblioteket.',
      noFile: 'Välj en fil.',
      notJson: 'Filen är inte JSON: {{detail}}',
      errorAt: 'I filen, vid {{path}}: {{message}}',
    },
    event: {
      title: 'Uppsättning',
      intro:
        'Händelsens form utan innehåll: enheter, skalor, rapportformulär, perioder, rapportmallar och regler. Spara den i biblioteket så att nästa händelse kan starta från den, eller ladda ner den som fil.',
      download: 'Ladda ner som fil',
      saveTitle: 'Spara i biblioteket',
      name: 'Namn på uppsättningen',
      description: 'Beskrivning',
      save: 'Spara i biblioteket',
      saved: 'Uppsättningen {{name}} är sparad i biblioteket.',
      onlySystemAdmin: 'Bara en systemadministratör kan spara i biblioteket.',
    },
    origin: {
      legend: 'Starta från',
      standard: 'Standarduppsättningen',
      standardHint: 'En lägesrapport och en slutrapport med allmänna avsnitt.',
      setup: 'En uppsättning i biblioteket',
      setupChoice: 'Uppsättning',
      event: 'En kopia av en tidigare händelse',
      eventChoice: 'Händelse',
      eventHint:
        'Formen kopieras: enheter, skalor, formulär, perioder och mallar, inget av innehållet.',
      choose: 'Välj…',
      missingSetup: 'Välj en uppsättning.',
      missingEvent: 'Välj en händelse.',
    },
  },
};

const en: typeof sv = {
  setups: {
    library: {
      title: 'Set-ups',
      intro:
        "A set-up is an event's shape without its content: units, scales, return form, periods, report templates and rules. A new event starts from a set-up here, from the standard, or as a copy of an earlier event. Set-ups move between installations as JSON files.",
      listTitle: 'The library',
      empty: "The library is empty. Import a file or save an event's set-up.",
      name: 'Name',
      description: 'Description',
      templates: 'Report templates',
      updated: 'Changed',
      download: 'Download',
      remove: 'Remove',
      confirmRemove: 'Remove the set-up {{name}}? Events already started from it are not affected.',
      removed: 'The set-up {{name}} is removed.',
      importTitle: 'Import a file',
      importHint: 'A JSON file exported from Lägesbild (…lagesbild.json).',
      file: 'File',
      import: 'Import',
      imported: 'The set-up {{name}} is now in the library.',
      noFile: 'Choose a file.',
      notJson: 'The file is not JSON: {{detail}}',
      errorAt: 'In the file, at {{path}}: {{message}}',
    },
    event: {
      title: 'Set-up',
      intro:
        "The event's shape without its content: units, scales, return form, periods, report templates and rules. Save it in the library so that the next event can start from it, or download it as a file.",
      download: 'Download as a file',
      saveTitle: 'Save in the library',
      name: 'Name of the set-up',
      description: 'Description',
      save: 'Save in the library',
      saved: 'The set-up {{name}} is saved in the library.',
      onlySystemAdmin: 'Only a system administrator can save in the library.',
    },
    origin: {
      legend: 'Start from',
      standard: 'The standard set-up',
      standardHint: 'A situation report and a closing report with general sections.',
      setup: 'A set-up in the library',
      setupChoice: 'Set-up',
      event: 'A copy of an earlier event',
      eventChoice: 'Event',
      eventHint:
        'The shape is copied: units, scales, form, periods and templates, none of the content.',
      choose: 'Choose…',
      missingSetup: 'Choose a set-up.',
      missingEvent: 'Choose an event.',
    },
  },
};

export const setupsTranslations = { sv, en };
