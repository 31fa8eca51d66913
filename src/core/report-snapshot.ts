/**
 * The frozen content of a published report. Renderers (HTML, PDF, Word, Markdown, e-mail) take
 * this and nothing else; its SHA-256 over the canonical JSON is the report's content hash.
 */
export interface ReportSnapshot {
  format: 1;
  event: {
    id: number;
    name: string;
    isExercise: boolean;
    /** The event's language for the fixed texts, when not Swedish (absent in older snapshots). */
    language?: 'en';
    /** The event's IANA time zone for every date, when not Europe/Stockholm. */
    timeZone?: string;
    /** The event's readiness level when the report was compiled, and since when it held. */
    readiness?: { name: string; since: string | null };
  };
  report: {
    id: number;
    number: number;
    kind: 'regular' | 'extra' | 'final';
    title: string;
    /** When the content was compiled (ISO-8601 UTC); shown as "Sammanställd: …" in the event's time zone. */
    compiledAt: string;
    /** The instant the staff set as the report period's "data as of", when set (ISO-8601 UTC). */
    dataAsOf?: string;
    /** The reporting period as a reader names it, e.g. "vecka 49 2026" or "5 november 2026". */
    period?: string;
    /** Who prepared and who approved the report, with their roles (absent in older snapshots). */
    preparedBy?: PersonWithRole[];
    approvedBy?: PersonWithRole;
    /** How the section headings are numbered, when they are (absent in older snapshots and when not). */
    sectionNumbering?: 'numbers' | 'letters';
    publishedAt: string | null;
    /** Which version of the report this is; a correction points to the report it corrects. */
    version: number;
    correctsReportId: number | null;
    /** 'public' leaves out every internal section and item; 'internal' has everything. */
    audience: 'public' | 'internal';
  };
  authors: string[];
  approver: string | null;
  sections: SnapshotSection[];
}

export interface SnapshotSection {
  key: string;
  title: string;
  /** Heading level: 1 = main section, 2 = subsection, 3 = below that. */
  level: 1 | 2 | 3;
  kind: SectionKind;
  internal: boolean;
  blocks: Block[];
  /** The section's last save or compilation (ISO-8601 UTC), shown as "Uppdaterad …". */
  updatedAt?: string;
  /** The report's lead summary: shown first, marked "Sammanfattning". */
  lead?: true;
}

export interface PersonWithRole {
  name: string;
  /** The role's Swedish name, e.g. "Stab" or "Godkännare". */
  role: string;
}

export type SectionKind =
  | 'text'
  | 'unit_situations'
  | 'unit_situation'
  | 'decisions'
  | 'milestones'
  | 'actions'
  | 'diversions'
  | 'key_figures'
  | 'risks'
  | 'communication'
  | 'media'
  | 'spokespersons'
  | 'links'
  | 'about';

/**
 * Markdown is the report subset (paragraphs, lists, emphasis, links), or with `gfm` the editor's
 * dialect: CommonMark with GFM tables, where a single newline is a line break.
 */
export type Block =
  | { type: 'markdown'; markdown: string; gfm?: true }
  | { type: 'bullets'; items: string[] }
  | { type: 'table'; caption?: string; columns: TableColumn[]; rows: string[][] }
  | { type: 'chart'; chart: ChartSpec }
  | { type: 'notice'; text: string }
  | { type: 'links'; items: { label: string; url: string }[] }
  | { type: 'levels'; items: LabelledLevel[] };

/** A level of the event's scale as a report shows it: a swatch of its colour, its symbol, its name. */
export interface LevelMark {
  name: string;
  /** "#rrggbb". */
  colour: string;
  symbol: string;
}

/** "Samlat läge: ● Normalt": what was assessed and the level given. */
export interface LabelledLevel {
  label: string;
  level: LevelMark;
}

export interface TableColumn {
  label: string;
  align: 'left' | 'right';
}

export interface ChartSpec {
  title: string;
  unitOfMeasure: string;
  /** Category labels along the x axis, e.g. "v. 44" or "4 nov". */
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
  thresholds?: { yellow?: number; red?: number };
  /** The decimals of the values in its table, as its block chose; at most one when not given. */
  decimals?: number;
}
