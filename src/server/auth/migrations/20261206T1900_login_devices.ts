import type { AnyDb } from '../../db/migration-helpers.ts';
import { timestampType } from '../../db/migration-helpers.ts';

/** Browsers an account has signed in from: they escape the account-wide login limit. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('login_devices')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_key', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_devices_account')
    .on('login_devices')
    .columns(['account_key', 'created_at'])
    .execute();
}
