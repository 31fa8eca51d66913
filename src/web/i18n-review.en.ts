// Translations for the after-action review screen (src/web/pages/review). The
// kinds of timeline entries and the lessons' states are the exported review's own words.
import { reviewWording } from '../core/review-wording.ts';
import type sv from './i18n-review.sv.ts';

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

export default en;
