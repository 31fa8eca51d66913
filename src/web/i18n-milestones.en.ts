// Translations for milestones (timeline and staff screen) and for closing an event.
import type sv from './i18n-milestones.sv.ts';

const en: typeof sv = {
  milestones: {
    title: 'Milestones',
    intro:
      'The milestones of the plan the event concerns: planned date, and whether reached or moved.',
    timelineTitle: 'Milestones on the timeline',
    timelineLabel: 'Timeline of the milestones. The list below holds the same information.',
    listTitle: 'The milestones by date',
    today: 'Today',
    none: 'No milestones yet.',
    manage: 'Manage milestones',
    state: {
      upcoming: 'Upcoming',
      reached: 'Reached',
      moved: 'Moved',
      passed: 'Passed, not reached',
    },
    reachedOn: 'Reached {{when}}',
    movedFrom: 'Moved from {{from}} to {{to}}',
    newTitle: 'New milestone',
    editTitle: 'Edit the milestone',
    moveTitle: 'Move the milestone “{{title}}”',
    fieldTitle: 'Title',
    description: 'Description',
    plannedOn: 'Planned date',
    plannedOnHint: 'Date in Swedish time, for example 2025-02-18.',
    newDate: 'New date',
    reason: 'Reason for the move',
    decision: 'Decision that moved the milestone',
    decisionHint: 'Choose the decision if the move is in the decision log.',
    noDecision: 'No decision',
    add: 'Add the milestone',
    edit: 'Edit',
    move: 'Move',
    reach: 'Mark as reached',
    saved: 'The milestone has been saved.',
    movedDone: 'The milestone has been moved.',
    reachedDone: 'The milestone has been marked as reached.',
    conflict:
      'Someone else changed the milestone. The list now shows the current version; try again.',
  },
  closing: {
    checklistTitle: 'Before the event closes',
    ok: 'Done',
    notOk: 'Not done',
    items: {
      final_report: 'The final report is published',
      actions_handed_over: 'Open actions are handed over to a named owner outside the staff',
      diversions_ended: 'All diversions have ended',
      readiness_normal: 'The readiness level is back to normal',
      distribution_told: 'The final report has been sent to the distribution lists',
    },
    notReady: 'Not every item is done. You may close anyway if you say why.',
    override: 'Close although the list is not done',
    reason: 'Why is the event closed anyway?',
    reopenIntro:
      'Only an administrator can reopen a closed event. The reason is kept in the audit trail.',
    reopenReason: 'Why is the event reopened?',
    reopenSubmit: 'Reopen the event',
    reopened: 'The event {{name}} has been reopened.',
  },
};

export default en;
