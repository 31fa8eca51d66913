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
  unitless_label: Generated<string>;
  units_version: Generated<number>;
  activated_at: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface EventsTables {
  events: EventsTable;
}
