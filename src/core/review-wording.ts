// The fixed texts of an after-action review, per language, like a report's (report-wording.ts):
// what the Word and PDF versions write around the timeline and lessons, and the timeline's own
// entries. An event without a language is Swedish (issue 19).
import type { ReportLanguage } from './report-wording.ts';

const sv = {
  kinds: {
    log: 'Loggbok',
    decision: 'Beslut',
    diversion: 'Omstyrning',
    readiness: 'Beredskap',
    report: 'Rapport',
    risk: 'Risk',
    milestone: 'Milstolpe',
    meeting: 'Möte',
  } as Record<string, string>,
  lessonStates: { open: 'Öppen', in_progress: 'Pågår', done: 'Klar' } as Record<string, string>,
  headings: { summary: 'Sammanfattning', timeline: 'Tidslinje', lessons: 'Lärdomar' },
  internalNote: 'Innehåller interna uppgifter som inte får spridas utanför krisorganisationen.',
  title: (event: string) => `Efterhandsanalys: ${event}`,
  fileName: (event: string) => `Efterhandsanalys ${event}`,
  period: (from: string, to: string) => `Händelsens period: ${from} – ${to}`,
  ongoing: 'pågår',
  summaryColumns: ['Uppgift', 'Antal'],
  timelineEntries: 'Händelser i tidslinjen',
  lessons: 'Lärdomar',
  openLessons: 'Lärdomar som inte är klara',
  timelineColumns: ['Tid', 'Slag', 'Händelse'],
  internalKind: (label: string) => `${label} (intern)`,
  lesson: (number: number) => `Lärdom ${number}`,
  lessonColumns: ['Del', 'Innehåll'],
  lessonFacts: {
    observation: 'Iakttagelse',
    recommendation: 'Rekommendation',
    owner: 'Ansvarig',
    state: 'Status',
  },
  noEntries: 'Inga händelser matchar urvalet.',
  noLessons: 'Inga lärdomar är registrerade.',
  page: ['Sida ', ' av '] as [string, string],
  filter: {
    allKinds: 'alla slag',
    start: 'början',
    end: 'slutet',
    words: (q: string) => `sökord ”${q}”`,
    line: (parts: string) => `Urval: ${parts}.`,
  },
  entries: {
    log: 'Loggbok',
    significantLog: 'Loggbok (väsentlig händelse)',
    struck: 'Struken',
    decision: (forum: string) => `Beslut: ${forum}`,
    someFacility: (id: number) => `Akutmottagning ${id}`,
    diverted: (categories: string, to: string) => `${categories} hänvisas till: ${to}.`,
    diversionStarts: (facility: string) => `Omstyrning börjar: ${facility}`,
    diversionEnds: (facility: string) => `Omstyrning upphör: ${facility}`,
    eventReadiness: (level: string) => `Beredskapsnivå för händelsen: ${level}`,
    unitReadiness: (unit: string, level: string) => `Beredskapsnivå för ${unit}: ${level}`,
    someUnit: (id: number) => `enhet ${id}`,
    correction: (number: number, revision: number) =>
      `Rättelse publicerad: rapport ${number} version ${revision}`,
    published: (number: number) => `Rapport ${number} publicerad`,
    riskAssessed: (title: string) => `Risk bedömd: ${title}`,
    riskReassessed: (title: string) => `Risk omvärderad: ${title}`,
    riskScores: (likelihood: number, consequence: number) =>
      `Sannolikhet ${likelihood}, konsekvens ${consequence}.`,
    milestoneMoved: (title: string) => `Milstolpe flyttad: ${title}`,
    milestoneReached: (title: string) => `Milstolpe nådd: ${title}`,
    movedFrom: (from: string, to: string) => `Från ${from} till ${to}.`,
    meeting: (title: string) => `Möte: ${title}`,
  },
};

export type ReviewWording = typeof sv;

const en: ReviewWording = {
  kinds: {
    log: 'Log',
    decision: 'Decision',
    diversion: 'Diversion',
    readiness: 'Readiness',
    report: 'Report',
    risk: 'Risk',
    milestone: 'Milestone',
    meeting: 'Meeting',
  },
  lessonStates: { open: 'Open', in_progress: 'In progress', done: 'Done' },
  headings: { summary: 'Summary', timeline: 'Timeline', lessons: 'Lessons learned' },
  internalNote: 'Contains internal information that must not be shared outside the crisis staff.',
  title: (event) => `After-action review: ${event}`,
  fileName: (event) => `After-action review ${event}`,
  period: (from, to) => `Period of the incident: ${from} – ${to}`,
  ongoing: 'ongoing',
  summaryColumns: ['Item', 'Count'],
  timelineEntries: 'Entries in the timeline',
  lessons: 'Lessons learned',
  openLessons: 'Lessons not yet done',
  timelineColumns: ['Time', 'Kind', 'Entry'],
  internalKind: (label) => `${label} (internal)`,
  lesson: (number) => `Lesson ${number}`,
  lessonColumns: ['Part', 'Content'],
  lessonFacts: {
    observation: 'Observation',
    recommendation: 'Recommendation',
    owner: 'Responsible',
    state: 'Status',
  },
  noEntries: 'No entries match the selection.',
  noLessons: 'No lessons have been recorded.',
  page: ['Page ', ' of '],
  filter: {
    allKinds: 'all kinds',
    start: 'the start',
    end: 'the end',
    words: (q) => `search words “${q}”`,
    line: (parts) => `Selection: ${parts}.`,
  },
  entries: {
    log: 'Log',
    significantLog: 'Log (significant event)',
    struck: 'Struck out',
    decision: (forum) => `Decision: ${forum}`,
    someFacility: (id) => `Emergency department ${id}`,
    diverted: (categories, to) => `${categories} diverted to: ${to}.`,
    diversionStarts: (facility) => `Diversion starts: ${facility}`,
    diversionEnds: (facility) => `Diversion ends: ${facility}`,
    eventReadiness: (level) => `Readiness level of the incident: ${level}`,
    unitReadiness: (unit, level) => `Readiness level of ${unit}: ${level}`,
    someUnit: (id) => `unit ${id}`,
    correction: (number, revision) => `Correction published: report ${number} version ${revision}`,
    published: (number) => `Report ${number} published`,
    riskAssessed: (title) => `Risk assessed: ${title}`,
    riskReassessed: (title) => `Risk reassessed: ${title}`,
    riskScores: (likelihood, consequence) =>
      `Likelihood ${likelihood}, consequence ${consequence}.`,
    milestoneMoved: (title) => `Milestone moved: ${title}`,
    milestoneReached: (title) => `Milestone reached: ${title}`,
    movedFrom: (from, to) => `From ${from} to ${to}.`,
    meeting: (title) => `Meeting: ${title}`,
  },
};

const WORDINGS: Record<ReportLanguage, ReviewWording> = { sv, en };

/** The review's fixed texts in a language; Swedish when none is named. */
export function reviewWording(language: ReportLanguage | undefined = 'sv'): ReviewWording {
  return WORDINGS[language];
}
