// Translations for searching the whole event (kit/eventSearch.tsx, pages/search/SearchPage.tsx).
const sv = {
  search: {
    label: 'Sök i händelsen',
    submit: 'Sök',
    title: 'Sök',
    resultsFor: 'Träffar för ”{{query}}”',
    noQuery: 'Skriv ett eller flera ord i sökfältet.',
    count_one: '{{count}} träff, den senaste först.',
    count_other: '{{count}} träffar, de senaste först.',
    none: 'Inga träffar för ”{{query}}”.',
    noneHint:
      'Pröva färre ord, eller början av ett ord: ”belägg” hittar både beläggning och beläggningsgrad.',
    kinds: {
      log_entry: 'Loggbok',
      decision: 'Beslut',
      action: 'Åtgärd',
      meeting: 'Möte',
      communication_activity: 'Kommunikation',
      unit_situation: 'Enhetens lägesbild',
      report: 'Rapport',
      lesson: 'Lärdom',
    },
  },
};

export default sv;
