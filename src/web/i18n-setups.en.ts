// Translations for event set-ups: the library (/admin/setups), an event's own set-up
// (/events/:id/admin/setup) and the choice of origin when an event is created.
import type sv from './i18n-setups.sv.ts';

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

export default en;
