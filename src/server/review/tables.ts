import type { Generated } from 'kysely';
import { type LessonState } from '../../contract/review.ts';

/** A lesson learned from the event: what was seen, what should change and who takes it on. */
export interface LessonsTable {
  id: Generated<number>;
  event_id: number;
  observation: string;
  recommendation: string;
  /** Free text: a name or a role, often outside the staff. */
  owner: string;
  state: LessonState;
  category: string | null;
  created_by: number | null;
  created_at: string;
  source: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface ReviewTables {
  lessons: LessonsTable;
}
