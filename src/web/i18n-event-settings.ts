// Translations for an event's periods, language and time zone (pages/admin/EventSettings.tsx).
const sv = {
  eventSettings: {
    title: 'Perioder och språk',
    intro:
      'Hur händelsen rapporterar: period, sista tid för enheternas lägesbilder, vilken period en rapport gäller, språk och tidszon.',
    granularity: 'Period',
    granularities: { week: 'Vecka (ISO-vecka)', day: 'Dag' },
    weekday: 'Sista tid, veckodag',
    weekdayHint: 'Gäller när händelsen rapporterar per vecka.',
    weekdays: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
    time: 'Sista tid, klockslag',
    timeHint: 'I händelsens tidszon, till exempel 12:00.',
    reportCovers: 'En rapport gäller',
    coverings: { current: 'Innevarande period', previous: 'Föregående period' },
    reportCoversHint:
      'Gäller en rapport föregående period räknas enheter som inte rapporterat för den inte längre som sena när rapporten påbörjats.',
    language: 'Språk',
    languages: { sv: 'Svenska', en: 'Engelska' },
    languageHint: 'Rapportens fasta texter och förvalt språk för den som inte valt något.',
    timeZone: 'Tidszon',
    timeZoneHint: 'Skriv för att söka, till exempel Europe/Stockholm eller America/New_York.',
    save: 'Spara inställningarna',
    saved: 'Inställningarna sparades.',
    dataAsOfTitle: 'Data per',
    dataAsOfIntro:
      'Den tidpunkt som en periods uppgifter gäller. Visas på översikten och i rapporten som ”Data per …”.',
    period: 'Period som uppgifterna gäller',
    periodHint: 'Till exempel 2024-W45 eller 2024-11-05.',
    instant: 'Data per (datum och klockslag)',
    setDataAsOf: 'Spara Data per',
    dataAsOfSaved: 'Data per sparades för {{period}}.',
    noDataAsOf: 'Ingen period har Data per ännu.',
    dataAsOfLine: 'Data per {{when}}',
  },
};

const en: typeof sv = {
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
  },
};

export const eventSettingsTranslations = { sv, en };
