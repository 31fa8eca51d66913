import type { Generated } from 'kysely';

export interface EventsTable {
  id: Generated<number>;
  name: string;
  description: string;
  background: string;
  is_exercise: number;
  state: 'active' | 'closed';
  period_granularity: 'week' | 'day';
  four_eyes: number;
  /** ISO weekday (1 = Monday … 7 = Sunday) of a week's deadline; a daily event ignores it. */
  deadline_weekday: Generated<number>;
  /** "HH:mm", the local time of the deadline in the event's time zone. */
  deadline_time: Generated<string>;
  report_covers: Generated<'current' | 'previous'>;
  language: Generated<'sv' | 'en'>;
  /** An IANA time zone name; every date of the event is shown in it. */
  time_zone: Generated<string>;
  unitless_label: Generated<string>;
  units_version: Generated<number>;
  activated_at: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** The instant the data of one period of an event is from, set by the staff. */
export interface EventPeriodDataAsOfTable {
  id: Generated<number>;
  event_id: number;
  period: string;
  data_as_of: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface EventsTables {
  events: EventsTable;
  event_period_data_as_of: EventPeriodDataAsOfTable;
}
