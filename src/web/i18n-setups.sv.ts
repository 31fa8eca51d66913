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

export default sv;
