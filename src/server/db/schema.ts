import type { Kysely } from 'kysely';
import type { AccessTables } from '../access/tables.ts';
import type { AuditTables } from '../audit/tables.ts';
import type { AuthTables } from '../auth/tables.ts';
import type { EventsTables } from '../events/tables.ts';
import type { SearchTables } from '../search/tables.ts';
import type { UnitsTables } from '../units/tables.ts';
import type { UsersTables } from '../users/tables.ts';

/** The whole database, assembled from the tables each capability owns (one line each). */
// prettier-ignore
export interface Schema
  extends UsersTables,
    EventsTables,
    UnitsTables,
    AccessTables,
    AuthTables,
    AuditTables,
    SearchTables {}

export type Db = Kysely<Schema>;
