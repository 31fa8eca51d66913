// Translations for an event's periods, language and time zone (pages/admin/EventSettings.tsx).
import type sv from './i18n-event-settings.sv.ts';

const en: typeof sv = {
  eventDetails: {
    title: 'The event',
    intro:
      "The event's name, when it started, whether it is an exercise and whether reports need four eyes.",
    formTitle: 'Change the event',
    name: 'Name',
    description: 'Description',
    activatedAt: 'Started (date and time)',
    activatedAtHint: "In the event's time zone. Shown in reports and in the after-action review.",
    closedAt: 'Closed',
    notClosed: 'The event is ongoing.',
    isExercise: 'This is an exercise',
    isExerciseHint: 'Every page and report is marked “Exercise”.',
    fourEyes: 'Four eyes: a report is approved by someone other than its author',
    save: 'Save the event',
    saved: 'The event is saved.',
    readOnly: "Only the event's administrator can change these details.",
    yes: 'Yes',
    no: 'No',
  },
  eventSettings: {
    title: 'Periods and language',
    intro:
      "How the event reports: period, the deadline for the units' returns, which period a report covers, language and time zone.",
    granularity: 'Period',
    granularities: { week: 'Week (ISO week)', day: 'Day' },
    weekday: 'Deadline, weekday',
    weekdayHint: 'Applies when the event reports per week.',
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    time: 'Deadline, time',
    timeHint: "In the event's time zone, for example 12:00.",
    reportCovers: 'A report covers',
    coverings: { current: 'The current period', previous: 'The previous period' },
    reportCoversHint:
      'When a report covers the previous period, units that have not reported for it are no longer late once the report is started.',
    language: 'Language',
    languages: { sv: 'Swedish', en: 'English' },
    languageHint:
      "The report's fixed texts, and the default language for anyone who has not chosen one.",
    timeZone: 'Time zone',
    timeZoneHint: 'Type to search, for example Europe/Stockholm or America/New_York.',
    save: 'Save the settings',
    saved: 'The settings were saved.',
    dataAsOfTitle: 'Data as of',
    dataAsOfIntro:
      'The moment a period\'s data is from. Shown on the overview and in the report as "Data as of …".',
    period: 'Period the data is for',
    periodHint: 'For example 2024-W45 or 2024-11-05.',
    instant: 'Data as of (date and time)',
    setDataAsOf: 'Save data as of',
    dataAsOfSaved: 'Data as of was saved for {{period}}.',
    noDataAsOf: 'No period has a data-as-of yet.',
    dataAsOfLine: 'Data as of {{when}}',
    changeDataAsOf: 'Change data as of',
    dashboardDataAsOfTitle: 'Data as of for {{period}}',
    dashboardInstant: 'Data as of (date and time)',
    dashboardInstantHint: 'Type YYYY-MM-DD HH:MM, for example {{example}}. Time in {{zone}}.',
    dashboardInstantInvalid: 'Type the date and time as YYYY-MM-DD HH:MM, for example {{example}}.',
    cancel: 'Cancel',
  },
};

export default en;
