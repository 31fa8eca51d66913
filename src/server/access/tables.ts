import type { Generated } from 'kysely';
import type { Role } from '../../core/access.ts';

export interface GrantsTable {
  id: Generated<number>;
  user_id: number;
  event_id: number;
  role: Role;
  unit_id: number | null;
  created_at: string;
}

export interface AccessTables {
  grants: GrantsTable;
}
