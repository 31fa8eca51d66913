import type { Generated } from 'kysely';
import type { Role } from '../../core/access.ts';

export interface GrantsTable {
  id: Generated<number>;
  user_id: number;
  event_id: number;
  role: Role;
  unit_id: number | null;
  created_at: string;
  /** 'manual' when given by hand, 'sso' when the sign-on group mapping gave it. */
  source: Generated<GrantSource>;
}

export type GrantSource = 'manual' | 'sso';

export interface AccessTables {
  grants: GrantsTable;
}
