// Translations for the after-action review screen (src/web/pages/review), merged into i18n.ts. The
// kinds of timeline entries and the lessons' states are the exported review's own words.
import { reviewWording } from '../core/review-wording.ts';

const sv = {
  review: {
    title: 'Efterhandsanalys',
    intro:
      'Hela händelsens förlopp i tidsordning och de lärdomar staben tar med sig. Ladda ner analysen som Word eller PDF.',
    timeline: {
      title: 'Tidslinje',
      filters: 'Filtrera tidslinjen',
      kinds: 'Visa',
      from: 'Från och med datum',
      to: 'Till och med datum',
      search: 'Sök i text',
      rangeError: 'Till-datumet kan inte vara före från-datumet.',
      none: 'Inga händelser matchar urvalet.',
      open: 'Öppna',
      download: 'Ladda ner analysen med detta urval',
      word: 'Word (.docx)',
      pdf: 'PDF',
    },
    kind: reviewWording('sv').kinds,
    lessons: {
      title: 'Lärdomar',
      newTitle: 'Ny lärdom',
      editTitle: 'Ändra lärdom',
      observation: 'Iakttagelse',
      observationHint: 'Vad hände, och vad fungerade eller fungerade inte?',
      recommendation: 'Rekommendation',
      owner: 'Ansvarig',
      ownerHint: 'Namn eller roll, gärna utanför staben.',
      state: 'Status',
      category: 'Kategori',
      categoryHint: 'Till exempel Behörigheter eller Kommunikation.',
      add: 'Lägg till lärdom',
      saved: 'Lärdomen är sparad.',
      deleted: 'Lärdomen är borttagen.',
      delete: 'Ta bort',
      confirmDelete: 'Ta bort lärdomen? Det går inte att ångra.',
      none: 'Inga lärdomar ännu.',
    },
    state: reviewWording('sv').lessonStates,
  },
};

const en: typeof sv = {
  review: {
    title: 'After-action review',
    intro:
      'The whole event in time order and the lessons the staff takes with it. Download the review as Word or PDF.',
    timeline: {
      title: 'Timeline',
      filters: 'Filter the timeline',
      kinds: 'Show',
      from: 'From date',
      to: 'To date (inclusive)',
      search: 'Search text',
      rangeError: 'The to date cannot be before the from date.',
      none: 'Nothing matches the selection.',
      open: 'Open',
      download: 'Download the review with this selection',
      word: 'Word (.docx)',
      pdf: 'PDF',
    },
    kind: reviewWording('en').kinds,
    lessons: {
      title: 'Lessons learned',
      newTitle: 'New lesson',
      editTitle: 'Edit lesson',
      observation: 'Observation',
      observationHint: 'What happened, and what worked or did not?',
      recommendation: 'Recommendation',
      owner: 'Owner',
      ownerHint: 'A name or a role, often outside the staff.',
      state: 'State',
      category: 'Category',
      categoryHint: 'For example Access or Communication.',
      add: 'Add lesson',
      saved: 'The lesson is saved.',
      deleted: 'The lesson is deleted.',
      delete: 'Delete',
      confirmDelete: 'Delete the lesson? This cannot be undone.',
      none: 'No lessons yet.',
    },
    state: reviewWording('en').lessonStates,
  },
};

export const reviewTranslations = { sv, en };
