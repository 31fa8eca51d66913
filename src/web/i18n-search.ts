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

const en: typeof sv = {
  search: {
    label: 'Search the event',
    submit: 'Search',
    title: 'Search',
    resultsFor: 'Results for “{{query}}”',
    noQuery: 'Type one or more words in the search field.',
    count_one: '{{count}} result, newest first.',
    count_other: '{{count}} results, newest first.',
    none: 'No results for “{{query}}”.',
    noneHint: 'Try fewer words, or the start of a word: “occup” finds both occupancy and occupied.',
    kinds: {
      log_entry: 'Log book',
      decision: 'Decision',
      action: 'Action',
      meeting: 'Meeting',
      communication_activity: 'Communication',
      unit_situation: 'Unit situation',
      report: 'Report',
      lesson: 'Lesson',
    },
  },
};

export const searchTranslations = { sv, en };
