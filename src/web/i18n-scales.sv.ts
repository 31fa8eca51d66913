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

export default sv;
