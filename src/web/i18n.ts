import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { adminTranslations } from './i18n-admin.ts';
import { formsTranslations } from './i18n-forms.ts';
import { eventUnitsTranslations } from './i18n-event-units.ts';
import { meetingsTranslations } from './i18n-meetings.ts';
import { milestonesTranslations } from './i18n-milestones.ts';
import { situationsTranslations } from './i18n-situations.ts';
import { pictureTranslations } from './i18n-picture.ts';
import { reportsTranslations } from './i18n-reports.ts';
import { reviewTranslations } from './i18n-review.ts';
import { filesTranslations } from './i18n-files.ts';
import { mfaTranslations } from './i18n-mfa.ts';
import { ssoTranslations } from './i18n-sso.ts';
import { eventSettingsTranslations } from './i18n-event-settings.ts';
import { setupsTranslations } from './i18n-setups.ts';
import { scalesTranslations } from './i18n-scales.ts';
import { templatesTranslations } from './i18n-templates.ts';
import { mailTranslations } from './i18n-mail.ts';
import { tokensTranslations } from './i18n-tokens.ts';
import { searchTranslations } from './i18n-search.ts';
import { nextStepsTranslations } from './i18n-next-steps.ts';
import { auditTranslations } from './i18n-audit.ts';

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'lagesbild.language';

const sv = {
  app: {
    name: 'Lägesbild',
    skip: 'Hoppa till innehållet',
    language: 'Språk',
    switchTo: 'In English',
    switchToLabel: 'Switch to English',
    signedInAs: 'Inloggad som {{name}}',
    logout: 'Logga ut',
    events: 'Händelser',
    loading: 'Hämtar …',
    shownOf: 'Visar {{shown}} av {{total}}',
    exercise: 'ÖVNING',
    exerciseBanner: 'ÖVNING – detta är en övningshändelse, inte ett verkligt läge.',
    notFound: 'Sidan finns inte',
    notFoundText: 'Kontrollera adressen eller gå tillbaka till händelserna.',
    errorTitle: 'Det finns ett problem',
    networkError: 'Servern svarar inte. Kontrollera anslutningen och försök igen.',
    retry: 'Försök igen',
    back: 'Tillbaka',
    required: 'obligatoriskt',
    optional: 'valfritt',
    dateHint: 'Skriv som ÅÅÅÅ-MM-DD, till exempel 2026-12-07.',
    dateTimeHint: 'Skriv som ÅÅÅÅ-MM-DD tt:mm, till exempel 2026-12-07 14:30.',
    dateUnreadable: 'Datumet går inte att läsa. Skriv det som ÅÅÅÅ-MM-DD.',
    dateTimeUnreadable: 'Tiden går inte att läsa. Skriv den som ÅÅÅÅ-MM-DD tt:mm.',
    weekHint: 'Skriv veckan som v. 49 2026 eller 2026-W49.',
    weekUnreadable: 'Veckan går inte att läsa. Skriv den som v. 49 2026 eller 2026-W49.',
  },
  login: {
    title: 'Logga in',
    intro: 'Logga in med e-postadressen och lösenordet från din administratör.',
    email: 'E-postadress',
    password: 'Lösenord',
    submit: 'Logga in',
    emailMissing: 'Ange din e-postadress.',
    passwordMissing: 'Ange ditt lösenord.',
  },
  password: {
    title: 'Byt lösenord',
    intro: 'Du loggade in med ett engångslösenord. Välj ett eget lösenord innan du fortsätter.',
    current: 'Nuvarande lösenord',
    currentHint: 'Engångslösenordet du fick.',
    new: 'Nytt lösenord',
    newHint: 'Minst 12 tecken. Använd gärna flera ord.',
    confirm: 'Upprepa det nya lösenordet',
    submit: 'Spara lösenord',
    mismatch: 'Lösenorden är inte lika.',
    newMissing: 'Ange ett nytt lösenord.',
    currentMissing: 'Ange ditt nuvarande lösenord.',
    changed: 'Lösenordet är bytt.',
  },
  events: {
    title: 'Händelser',
    active: 'Pågående',
    closed: 'Avslutade',
    none: 'Du har inga händelser ännu.',
    name: 'Namn',
    state: 'Läge',
    activatedAt: 'Aktiverad',
    closedAt: 'Avslutad',
    stateActive: 'Pågår',
    stateClosed: 'Avslutad',
    open: 'Öppna lägesbilden',
    report: 'Rapportera',
    create: 'Skapa händelse',
    createTitle: 'Ny händelse',
    description: 'Beskrivning',
    isExercise: 'Det här är en övning',
    isExerciseHint: 'Allt från en övning märks ÖVNING.',
    created: 'Händelsen {{name}} är skapad.',
    close: 'Avsluta händelse',
    closeTitle: 'Avsluta {{name}}',
    closeIntro:
      'En avslutad händelse blir ett arkiv som bara kan läsas. Bara en administratör kan öppna den igen.',
    closeAt: 'Avslutad datum och tid',
    closeAtHint: 'Svensk tid. Till exempel 2024-11-26 10:00.',
    closeSubmit: 'Avsluta händelsen',
    closedDone: 'Händelsen {{name}} är avslutad.',
    cancel: 'Avbryt',
  },
  dashboard: {
    title: 'Lägesbild',
    readiness: 'Beredskapsläge',
    since: 'sedan {{when}}',
    live: 'Direktuppdaterad',
    liveAt: 'hämtad {{time}}',
    offline: 'Frånkopplad – försöker ansluta igen',
    units: 'Enheternas läge',
    unitsCaption: 'Status per enhet och område, {{period}}',
    unit: 'Enhet',
    reported: 'Rapport',
    fromPeriod: 'från {{period}}',
    yellowLimit: 'gräns för Påverkat',
    redLimit: 'gräns för Allvarligt',
    noReport: 'Ingen rapport',
    completeness: '{{reported}} av {{expected}} enheter har rapporterat för {{period}}',
    deadline: 'Sista tid {{when}}',
    late: 'Sen',
    lateUnits: 'Saknas efter sista tid: {{units}}',
    groupsLabel: 'Rapporterat per grupp',
    groupCompleteness: '{{name}}: {{reported}} av {{expected}}',
    groupLate: '{{count}} sena',
    noRequest: 'Ingen begäran om lägesbild ännu.',
    diversions: 'Omstyrning av akutflöden',
    facility: 'Akutmottagning',
    flows: 'Flöden',
    redirectedTo: 'Hänvisas till',
    sinceCol: 'Sedan',
    noDiversion: 'Ingen omstyrning',
    normalIntake: 'Tar emot som vanligt',
    diverting: 'Omstyr',
    figures: 'Nyckeltal',
    figure: 'Nyckeltal',
    lastPeriod: 'Senaste period',
    status: 'Läge',
    change: 'Förändring',
    chartTitle: '{{name}} per vecka',
    chartValue: 'Värde',
    chartTable: 'Visa som tabell',
    chartPeriod: 'Period',
    thresholds: 'Gränser: Påverkat {{yellow}}, Allvarligt {{red}}',
    actions: 'Åtgärder',
    actionsSummary: '{{open}} öppna, varav {{overdue}} försenade',
    overdue: 'Försenad',
    due: 'Klart senast {{when}}',
    noActions: 'Inga öppna åtgärder.',
    decisions: 'Senaste beslut',
    noDecisions: 'Inga beslut ännu.',
    log: 'Loggbok',
    noLog: 'Inga anteckningar ännu.',
    reportLink: 'Rapportera lägesbild',
    updated: 'Uppdaterad',
  },
  areas: {
    accessToCare: 'Tillgång till vård',
    patientSafety: 'Patientsäkerhet',
    staff: 'Medarbetare',
    itProgramme: 'IT/program',
    communication: 'Kommunikation',
  },
  areasShort: {
    accessToCare: 'Vård',
    patientSafety: 'Pat.säk.',
    staff: 'Medarb.',
    itProgramme: 'IT',
    communication: 'Komm.',
  },
  status: {
    green: 'Normalt',
    yellow: 'Påverkat',
    red: 'Allvarligt',
    none: 'Ej angivet',
  },
  prognosis: {
    improving: 'Förbättras',
    unchanged: 'Oförändrad',
    worsening: 'Försämras',
    none: 'Ingen prognos',
  },
  state: {
    draft: 'Utkast',
    submitted: 'Inskickad',
    returned: 'Returnerad',
    accepted: 'Godkänd',
    missing: 'Saknas',
  },
  readinessLevel: {
    normal: 'Normalläge',
    stabsläge: 'Stabsläge',
    förstärkningsläge: 'Förstärkningsläge',
    katastrofläge: 'Katastrofläge',
  },
  categories: {
    walk_in: 'Gående',
    ambulance: 'Ambulans',
    secondary_transport: 'Sekundärtransport',
  },
  report: {
    title: 'Lägesbild för {{unit}}, {{period}}',
    titleShort: 'Rapportera lägesbild',
    unit: 'Enhet',
    chooseUnit: 'Välj enhet',
    period: 'Period',
    deadline: 'Lämnas senast {{when}}.',
    prefilled:
      'Formuläret är ifyllt med er lägesbild från {{period}}. Uppdatera det som har ändrats.',
    stateNote: 'Status: {{state}}',
    returned: 'Staben returnerade lägesbilden: {{comment}}',
    submittedNote:
      'Lägesbilden skickades in {{when}}. Den kan ändras igen om staben returnerar den.',
    overall: 'Övergripande status',
    prognosis: 'Prognos för kommande period',
    bullets: 'Lägesbild i punktform',
    figures: 'Nyckeltal',
    figuresHint: 'Till exempel beläggningsgrad i procent.',
    figureName: 'Nyckeltal',
    figureValue: 'Värde',
    figureUnit: 'Enhet (t.ex. %)',
    addFigure: 'Lägg till nyckeltal',
    removeFigure: 'Ta bort nyckeltal {{number}}',
    figureNumber: 'Nyckeltal {{number}}',
    internal: 'Endast för internt bruk',
    internalHint: 'Kommer inte med i den offentliga versionen av rapporten.',
    save: 'Spara utkast',
    submit: 'Skicka in till staben',
    saved: 'Utkastet är sparat {{time}}.',
    submitted: 'Lägesbilden är inskickad till staben {{time}}.',
    localDraft: 'Vi har återställt text som du inte hade sparat ({{time}}).',
    discardLocal: 'Släng den osparade texten',
    unsaved: 'Du har ändringar som inte är sparade.',
    leaveWarning: 'Du har ändringar som inte är sparade. Vill du lämna sidan ändå?',
    stay: 'Stanna kvar',
    leave: 'Lämna sidan',
    conflictTitle: 'Någon annan har ändrat lägesbilden',
    conflictText:
      'Version {{version}} sparades {{when}}. Din text är kvar i formuläret. Jämför och välj hur du vill fortsätta.',
    theirs: 'Den sparade versionen',
    yours: 'Din text',
    keepMine: 'Behåll min text och spara över',
    differs: 'Skiljer sig',
    takeTheirs: 'Använd den sparade versionen',
    noUnits: 'Du har ingen enhet att rapportera för i den här händelsen.',
    valueInvalid: 'Ange värdet som ett tal, till exempel 87 eller 87,5.',
    nameMissing: 'Ange nyckeltalets namn.',
    readOnly: 'Lägesbilden är inskickad och kan inte ändras nu.',
  },
};

type Resources = typeof sv;

const en: Resources = {
  app: {
    name: 'Lägesbild',
    skip: 'Skip to main content',
    language: 'Language',
    switchTo: 'På svenska',
    switchToLabel: 'Byt till svenska',
    signedInAs: 'Signed in as {{name}}',
    logout: 'Sign out',
    events: 'Events',
    loading: 'Loading …',
    shownOf: 'Showing {{shown}} of {{total}}',
    exercise: 'EXERCISE',
    exerciseBanner: 'EXERCISE – this is an exercise event, not a real situation.',
    notFound: 'Page not found',
    notFoundText: 'Check the address or go back to the events.',
    errorTitle: 'There is a problem',
    networkError: 'The server does not answer. Check the connection and try again.',
    retry: 'Try again',
    back: 'Back',
    required: 'required',
    optional: 'optional',
    dateHint: 'Write it as YYYY-MM-DD, for example 2026-12-07.',
    dateTimeHint: 'Write it as YYYY-MM-DD hh:mm, for example 2026-12-07 14:30.',
    dateUnreadable: 'The date cannot be read. Write it as YYYY-MM-DD.',
    dateTimeUnreadable: 'The time cannot be read. Write it as YYYY-MM-DD hh:mm.',
    weekHint: 'Write the week as w. 49 2026 or 2026-W49.',
    weekUnreadable: 'The week cannot be read. Write it as w. 49 2026 or 2026-W49.',
  },
  login: {
    title: 'Sign in',
    intro: 'Sign in with the e-mail address and password from your administrator.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    emailMissing: 'Enter your e-mail address.',
    passwordMissing: 'Enter your password.',
  },
  password: {
    title: 'Change password',
    intro: 'You signed in with a one-time password. Choose your own password to continue.',
    current: 'Current password',
    currentHint: 'The one-time password you were given.',
    new: 'New password',
    newHint: 'At least 12 characters. Several words work well.',
    confirm: 'Repeat the new password',
    submit: 'Save password',
    mismatch: 'The passwords do not match.',
    newMissing: 'Enter a new password.',
    currentMissing: 'Enter your current password.',
    changed: 'Your password has been changed.',
  },
  events: {
    title: 'Events',
    active: 'Active',
    closed: 'Closed',
    none: 'You have no events yet.',
    name: 'Name',
    state: 'State',
    activatedAt: 'Activated',
    closedAt: 'Closed',
    stateActive: 'Active',
    stateClosed: 'Closed',
    open: 'Open the situational picture',
    report: 'Report',
    create: 'Create event',
    createTitle: 'New event',
    description: 'Description',
    isExercise: 'This is an exercise',
    isExerciseHint: 'Everything from an exercise is marked EXERCISE.',
    created: 'The event {{name}} has been created.',
    close: 'Close event',
    closeTitle: 'Close {{name}}',
    closeIntro: 'A closed event becomes a read-only archive. Only an administrator can reopen it.',
    closeAt: 'Closed date and time',
    closeAtHint: 'Swedish time. For example 2024-11-26 10:00.',
    closeSubmit: 'Close the event',
    closedDone: 'The event {{name}} has been closed.',
    cancel: 'Cancel',
  },
  dashboard: {
    title: 'Situational picture',
    readiness: 'Readiness level',
    since: 'since {{when}}',
    live: 'Live',
    liveAt: 'fetched {{time}}',
    offline: 'Disconnected – trying to reconnect',
    units: 'Units',
    unitsCaption: 'Status per unit and area, {{period}}',
    unit: 'Unit',
    reported: 'Report',
    fromPeriod: 'from {{period}}',
    yellowLimit: 'threshold for Affected',
    redLimit: 'threshold for Serious',
    noReport: 'No report',
    completeness: '{{reported}} of {{expected}} units have reported for {{period}}',
    deadline: 'Deadline {{when}}',
    late: 'Late',
    lateUnits: 'Missing after the deadline: {{units}}',
    groupsLabel: 'Reported per group',
    groupCompleteness: '{{name}}: {{reported}} of {{expected}}',
    groupLate: '{{count}} late',
    noRequest: 'No request for situation reports yet.',
    diversions: 'Emergency department diversions',
    facility: 'Emergency department',
    flows: 'Flows',
    redirectedTo: 'Redirected to',
    sinceCol: 'Since',
    noDiversion: 'No diversion',
    normalIntake: 'Receiving as usual',
    diverting: 'Diverting',
    figures: 'Key figures',
    figure: 'Key figure',
    lastPeriod: 'Latest period',
    status: 'Status',
    change: 'Change',
    chartTitle: '{{name}} per week',
    chartValue: 'Value',
    chartTable: 'Show as a table',
    chartPeriod: 'Period',
    thresholds: 'Thresholds: Affected {{yellow}}, Serious {{red}}',
    actions: 'Actions',
    actionsSummary: '{{open}} open, {{overdue}} overdue',
    overdue: 'Overdue',
    due: 'Due {{when}}',
    noActions: 'No open actions.',
    decisions: 'Latest decisions',
    noDecisions: 'No decisions yet.',
    log: 'Log',
    noLog: 'No entries yet.',
    reportLink: 'Report situation',
    updated: 'Updated',
  },
  areas: {
    accessToCare: 'Access to care',
    patientSafety: 'Patient safety',
    staff: 'Staff',
    itProgramme: 'IT/programme',
    communication: 'Communication',
  },
  areasShort: {
    accessToCare: 'Care',
    patientSafety: 'Pat. safety',
    staff: 'Staff',
    itProgramme: 'IT',
    communication: 'Comms',
  },
  status: {
    green: 'Normal',
    yellow: 'Affected',
    red: 'Serious',
    none: 'Not given',
  },
  prognosis: {
    improving: 'Improving',
    unchanged: 'Unchanged',
    worsening: 'Worsening',
    none: 'No outlook',
  },
  state: {
    draft: 'Draft',
    submitted: 'Submitted',
    returned: 'Returned',
    accepted: 'Accepted',
    missing: 'Missing',
  },
  readinessLevel: {
    normal: 'Normal',
    stabsläge: 'Staff mode',
    förstärkningsläge: 'Reinforced mode',
    katastrofläge: 'Disaster mode',
  },
  categories: {
    walk_in: 'Walk-in',
    ambulance: 'Ambulance',
    secondary_transport: 'Secondary transport',
  },
  report: {
    title: 'Situation for {{unit}}, {{period}}',
    titleShort: 'Report situation',
    unit: 'Unit',
    chooseUnit: 'Choose unit',
    period: 'Period',
    deadline: 'Due {{when}}.',
    prefilled:
      'The form is filled in with your situation from {{period}}. Update what has changed.',
    stateNote: 'State: {{state}}',
    returned: 'The staff returned the situation: {{comment}}',
    submittedNote:
      'The situation was submitted {{when}}. It can be changed again if the staff returns it.',
    overall: 'Overall status',
    prognosis: 'Outlook for the coming period',
    bullets: 'Situation in bullet points',
    figures: 'Key figures',
    figuresHint: 'For example bed occupancy in per cent.',
    figureName: 'Key figure',
    figureValue: 'Value',
    figureUnit: 'Unit (e.g. %)',
    addFigure: 'Add key figure',
    removeFigure: 'Remove key figure {{number}}',
    figureNumber: 'Key figure {{number}}',
    internal: 'Internal use only',
    internalHint: 'Left out of the public version of the report.',
    save: 'Save draft',
    submit: 'Submit to the staff',
    saved: 'Draft saved {{time}}.',
    submitted: 'The situation was submitted to the staff {{time}}.',
    localDraft: 'We restored text you had not saved ({{time}}).',
    discardLocal: 'Discard the unsaved text',
    unsaved: 'You have unsaved changes.',
    leaveWarning: 'You have unsaved changes. Leave the page anyway?',
    stay: 'Stay on the page',
    leave: 'Leave the page',
    conflictTitle: 'Someone else has changed the situation',
    conflictText:
      'Version {{version}} was saved {{when}}. Your text is still in the form. Compare and choose how to continue.',
    theirs: 'The saved version',
    yours: 'Your text',
    keepMine: 'Keep my text and overwrite',
    differs: 'Differs',
    takeTheirs: 'Use the saved version',
    noUnits: 'You have no unit to report for in this event.',
    valueInvalid: 'Enter the value as a number, for example 87 or 87.5.',
    nameMissing: 'Enter the name of the key figure.',
    readOnly: 'The situation has been submitted and cannot be changed now.',
  },
};

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    return stored === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

void i18n.use(initReactI18next).init({
  resources: {
    sv: {
      translation: {
        ...sv,
        ...reportsTranslations.sv,
        ...pictureTranslations.sv,
        ...adminTranslations.sv,
        ...reviewTranslations.sv,
        ...meetingsTranslations.sv,
        ...milestonesTranslations.sv,
        ...situationsTranslations.sv,
        ...ssoTranslations.sv,
        ...mfaTranslations.sv,
        ...eventSettingsTranslations.sv,
        ...setupsTranslations.sv,
        ...scalesTranslations.sv,
        ...templatesTranslations.sv,
        ...formsTranslations.sv,
        ...eventUnitsTranslations.sv,
        ...mailTranslations.sv,
        ...tokensTranslations.sv,
        ...searchTranslations.sv,
        ...nextStepsTranslations.sv,
        ...auditTranslations.sv,
        ...filesTranslations.sv,
      },
    },
    en: {
      translation: {
        ...en,
        ...reportsTranslations.en,
        ...pictureTranslations.en,
        ...adminTranslations.en,
        ...reviewTranslations.en,
        ...meetingsTranslations.en,
        ...milestonesTranslations.en,
        ...situationsTranslations.en,
        ...ssoTranslations.en,
        ...mfaTranslations.en,
        ...eventSettingsTranslations.en,
        ...setupsTranslations.en,
        ...scalesTranslations.en,
        ...templatesTranslations.en,
        ...formsTranslations.en,
        ...eventUnitsTranslations.en,
        ...mailTranslations.en,
        ...tokensTranslations.en,
        ...searchTranslations.en,
        ...nextStepsTranslations.en,
        ...auditTranslations.en,
        ...filesTranslations.en,
      },
    },
  },
  lng: storedLanguage(),
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
  returnNull: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/**
 * An event's language becomes the default while its pages are shown, for a user who has not
 * chosen a language; `null` (leaving the event) goes back to the user's own default.
 */
export function applyEventLanguage(language: Language | null): void {
  if (hasChosenLanguage()) return;
  const wanted = language ?? storedLanguage();
  if (i18n.language === wanted) return;
  if (typeof document !== 'undefined') document.documentElement.lang = wanted;
  void i18n.changeLanguage(wanted);
}

function hasChosenLanguage(): boolean {
  try {
    return localStorage.getItem(storageKey) !== null;
  } catch {
    return false;
  }
}

export default i18n;
