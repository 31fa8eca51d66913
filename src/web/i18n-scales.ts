// Translations for the event's scales (/events/:id/admin/scales).
const sv = {
  scales: {
    title: 'Skalor',
    intro:
      'Händelsens skalor för status och prognos: 3–6 nivåer i ordning. Varje nivå har ett namn, en färg, en symbol som alltid visas med färgen och en mening om vad den betyder.',
    kind: { status: 'Statusskala', prognosis: 'Prognosskala' },
    kindIntro: {
      status: 'Används för det samlade läget och för varje område i enheternas lägesrapporter.',
      prognosis: 'Används för enheternas bedömning av hur läget utvecklas.',
    },
    level: 'Nivå {{number}}',
    key: '(nyckel {{key}})',
    name: 'Namn',
    nameEn: 'Namn på engelska',
    nameEnHint: 'Visas för den som använder Lägesbild på engelska. Lämna tomt för samma namn.',
    colour: 'Färg',
    colourHint: 'Som #rrggbb. Texten på färgen blir svart eller vit, den som syns bäst.',
    colourPicker: 'Välj färg',
    symbol: 'Symbol eller kort text',
    symbolHint: 'Visas med färgen, till exempel ●, ▲, ■, ✕ eller ”Nivå 3”.',
    meaning: 'Betydelse',
    meaningHint: 'En mening om vad nivån betyder.',
    up: 'Flytta upp',
    down: 'Flytta ned',
    remove: 'Ta bort',
    removeHint:
      'En nivå som redan används i lägesrapporter tas inte bort: den pensioneras. Gamla svar visas då som förut, men nivån går inte att välja i nya svar. Nycklarna ändras aldrig.',
    add: 'Lägg till nivå',
    save: { status: 'Spara statusskalan', prognosis: 'Spara prognosskalan' },
    saved: 'Skalan är sparad.',
    stale:
      'Någon annan har ändrat skalan sedan du öppnade den. Här är den nu; gör om dina ändringar.',
    retired: 'Pensionerade nivåer',
    retiredIntro:
      'Nivåerna finns kvar för att visa gamla svar men går inte att välja i nya. Ta tillbaka en nivå för att kunna välja den igen.',
    restore: 'Ta tillbaka',
  },
};

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

export const scalesTranslations = { sv, en };
