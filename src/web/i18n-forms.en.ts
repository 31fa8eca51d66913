// Translations for the event's return form: the unit's fields and the admin screen.
import type sv from './i18n-forms.sv.ts';

const en: typeof sv = {
  returnForm: {
    notAvailable: 'Not available',
    notAvailableHint: 'Tick if the information cannot be obtained. It counts as an answer.',
    yes: 'Yes',
    no: 'No',
    choose: 'Choose …',
    answersTitle: 'Other information',
    answersOf: 'Other information from {{unit}}',
    checkUnavailable: 'The form check could not be loaded. The server checks when you save.',
    admin: {
      title: 'Return form',
      intro:
        'The fields of the units’ situation return, in order. Changes apply to returns saved after the form is saved.',
      fieldsTitle: 'Fields',
      field: 'Field {{number}}: {{label}}',
      key: 'Key',
      keyHint: 'Letters a–z, digits, - and _. Cannot change once the field is saved.',
      kind: 'Kind',
      label: 'Label',
      help: 'Help text',
      required: 'Required',
      options: 'Options, one per line',
      figureName: 'Key figure',
      figureUnit: 'Unit of measure (e.g. st or %)',
      decimals: 'Decimals',
      moveUp: 'Move {{label}} up',
      moveDown: 'Move {{label}} down',
      remove: 'Remove {{label}}',
      add: 'Add field',
      newLabel: 'New field',
      save: 'Save the form',
      saved: 'The form is saved.',
      preview: 'Preview of the unit’s form',
      defaultNote: 'The event has the default form.',
      kinds: {
        text: 'Free text',
        status: 'Status',
        prognosis: 'Prognosis',
        number: 'Number (key figure)',
        yesno: 'Yes/no',
        choice: 'Choice from a list',
        date: 'Date',
      },
    },
  },
};

export default en;
