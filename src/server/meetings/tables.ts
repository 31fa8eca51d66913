import type { Generated } from 'kysely';

/** Recorded who and when, shared by forums and meetings. */
interface Recorded {
  event_id: number;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface ForumsTable extends Recorded {
  id: Generated<number>;
  name: string;
  mandate: string;
  chair_role: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) joined by commas; empty when the forum has no regular time. */
  schedule_days: string;
  /** Stockholm local time HH:mm of the regular meeting, or null. */
  schedule_time: string | null;
  schedule_minutes: number | null;
}

export interface MeetingsTable extends Recorded {
  id: Generated<number>;
  forum_id: number | null;
  title: string;
  starts_at: string;
  ends_at: string;
  agenda: string;
  /** JSON list of the roles expected to attend. */
  attendees: string;
  minutes: string;
  internal: number;
}

/** A user's secret for subscribing to one event's calendar; only its hash is stored. */
export interface CalendarTokensTable {
  id: Generated<number>;
  user_id: number;
  event_id: number;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  /** Set when the address was created with an API token: it lives only as long as the token. */
  api_token_id: number | null;
}

export interface MeetingsTables {
  forums: ForumsTable;
  meetings: MeetingsTable;
  calendar_tokens: CalendarTokensTable;
}
