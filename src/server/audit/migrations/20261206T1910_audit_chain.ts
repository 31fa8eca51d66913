import {
  type AnyDb,
  makeAppendOnly,
  refuseReplaceAndTruncate,
  timestampType,
} from '../../db/migration-helpers.ts';

const message = 'audit records cannot be changed or deleted';

/**
 * Closes REPLACE and TRUNCATE on the audit trail, and adds the hash chain over it: entry `seq`
 * holds the SHA-256 of the previous entry's hash and one record (src/server/audit/chain.ts).
 */
export async function up(db: AnyDb): Promise<void> {
  await refuseReplaceAndTruncate(db, { table: 'audit_records', message, uniqueKeys: [['id']] });
  await db.schema
    .createTable('audit_chain')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('record_id', 'integer', (c) => c.notNull().unique())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('sealed_at', timestampType(db), (c) => c.notNull())
    .execute();
  await makeAppendOnly(db, 'audit_chain', message);
  await refuseReplaceAndTruncate(db, {
    table: 'audit_chain',
    message,
    uniqueKeys: [['seq'], ['record_id']],
  });
}
