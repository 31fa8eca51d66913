// Translations for the after-action review screen (src/web/pages/review). The
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

export default sv;
