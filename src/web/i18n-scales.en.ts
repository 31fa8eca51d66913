// Translations for the event's scales (/events/:id/admin/scales).
import type sv from './i18n-scales.sv.ts';

const en: typeof sv = {
  scales: {
    title: 'Scales',
    intro:
      "The event's status and prognosis scales: 3–6 levels in order. Each level has a name, a colour, a symbol always shown with the colour, and a sentence on what it means.",
    kind: { status: 'Status scale', prognosis: 'Prognosis scale' },
    kindIntro: {
      status: "Used for the overall status and for each area of the units' situation returns.",
      prognosis: "Used for the units' view of how the situation develops.",
    },
    level: 'Level {{number}}',
    key: '(key {{key}})',
    name: 'Name',
    nameEn: 'Name in English',
    nameEnHint: 'Shown to those using Lägesbild in English. Leave empty for the same name.',
    colour: 'Colour',
    colourHint: 'As #rrggbb. The text on the colour is black or white, whichever reads best.',
    colourPicker: 'Pick a colour',
    symbol: 'Symbol or short text',
    symbolHint: 'Shown with the colour, for example ●, ▲, ■, ✕ or "Level 3".',
    meaning: 'Meaning',
    meaningHint: 'One sentence on what the level means.',
    up: 'Move up',
    down: 'Move down',
    remove: 'Remove',
    removeHint:
      'A level already used in situation returns is not removed: it is retired. Old answers show as before, but the level cannot be chosen in new ones. Keys never change.',
    add: 'Add level',
    save: { status: 'Save the status scale', prognosis: 'Save the prognosis scale' },
    saved: 'The scale is saved.',
    stale:
      'Someone else changed the scale since you opened it. This is it now; make your changes again.',
    retired: 'Retired levels',
    retiredIntro:
      'These levels remain to show old answers but cannot be chosen in new ones. Bring a level back to make it selectable again.',
    restore: 'Bring back',
  },
};

export default en;
