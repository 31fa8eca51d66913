import type { Generated } from 'kysely';

export type Channel =
  | 'intranet'
  | '1177'
  | 'press_release'
  | 'press_conference'
  | 'social_media'
  | 'newsletter'
  | 'other';
export type Audience = 'internal' | 'external' | 'both';
export type Tone = 'positive' | 'neutral' | 'negative' | 'mixed';

/** Classification and provenance, shared by every communication item. */
interface Recorded {
  event_id: number;
  internal: number;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface CommunicationActivitiesTable extends Recorded {
  id: Generated<number>;
  /** A Stockholm calendar date, YYYY-MM-DD. */
  occurred_on: string;
  /** JSON list of channels. */
  channels: string;
  audience: Audience;
  title: string;
  link: string | null;
}

export interface MediaPicturesTable extends Recorded {
  id: Generated<number>;
  period: string;
  article_count: number;
  /** JSON list of strings. */
  themes: string;
  tone: Tone;
  comment: string;
}

export interface SpokespersonsTable extends Recorded {
  id: Generated<number>;
  name: string;
  title: string;
  topic: string;
  from_date: string;
  to_date: string | null;
}

export interface CommunicationTables {
  communication_activities: CommunicationActivitiesTable;
  media_pictures: MediaPicturesTable;
  spokespersons: SpokespersonsTable;
}
