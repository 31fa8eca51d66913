// Translations for searching the whole event (kit/eventSearch.tsx, pages/search/SearchPage.tsx).
import type sv from './i18n-search.sv.ts';

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

export default en;
