// Translations for an event's own units and their admin screen (/events/:eventId/admin/units).
import type sv from './i18n-event-units.sv.ts';

const en: typeof sv = {
  eventUnits: {
    title: 'Units',
    intro:
      "The event's units in the order reports, the overview and exports show them. Groups gather units; a subtotal is counted per group where the values add up.",
    label: 'Name of the whole',
    labelHint:
      'What a value without a unit is called, for example the Region, the Nation or the whole county.',
    listTitle: 'Units in the event',
    orderHint:
      'Move with the buttons or with Alt+Arrow up/down, put under or take out of a group with Alt+Arrow right/left, or drag a row. Save the order when you are done.',
    empty: 'The event has no units yet.',
    under: 'under {{name}}',
    level: 'level {{level}}',
    up: 'Move up',
    down: 'Move down',
    indent: 'Put under the one above',
    outdent: 'Take out of the group',
    remove: 'Remove',
    moved: '{{name}} is now in place {{position}} of {{count}}.',
    indented: '{{name}} is now under {{parent}}.',
    outdented: '{{name}} is now on level {{level}}.',
    save: 'Save the order',
    undo: 'Undo the changes',
    unsaved: 'Unsaved changes',
    saved: 'The units have been saved (version {{version}}).',
    removed: '{{name}} has been removed from the event.',
    saveFirst: 'Save or undo the order before you add, remove or import units.',
    conflict:
      'Someone else changed the units since you read them (version {{version}}). The list has been updated; make your change again.',
    addTitle: 'Add a unit',
    existing: 'Existing unit',
    chooseExisting: 'Choose a unit',
    newUnit: 'New unit',
    parent: 'Under',
    top: 'At the top (no group)',
    code: 'Code',
    name: 'Name',
    shortName: 'Short name',
    shortNameHint: 'Shown where space is short. Leave empty for the name or the code.',
    kind: 'Kind',
    add: 'Add',
    create: 'Create and add',
    added: '{{name}} has been added.',
    importTitle: 'Import from CSV',
    importHint:
      'One line per unit: code; name; short name; kind; parent code. Parents come before their units. The header line (code;name;…) is optional. Nothing is saved if any line is wrong.',
    importFile: 'CSV file',
    importText: 'Or paste the lines',
    importButton: 'Import',
    imported: '{{count}} units have been imported.',
    rowError: 'Line {{row}}: {{message}}',
    kinds: {
      hospital: 'Hospital',
      primary_care: 'Primary care',
      municipality: 'Municipality',
      support: 'Support function',
      group: 'Group',
      region: 'Region',
      nation: 'Nation',
      organisation: 'Organisation',
      other: 'Other',
    },
  },
};

export default en;
