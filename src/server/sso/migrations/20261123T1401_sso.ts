import { type AnyDb, timestampType, withId } from '../../db/migration-helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('sso_identities'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('admin_from_sso', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('last_login_at', timestampType(db))
    .addUniqueConstraint('sso_identities_issuer_subject', ['issuer', 'subject'])
    .execute();
  await db.schema
    .createIndex('sso_identities_user')
    .on('sso_identities')
    .column('user_id')
    .execute();
  await withId(db, db.schema.createTable('sso_group_mappings'))
    .addColumn('group_value', 'text', (c) => c.notNull())
    .addColumn('system_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('event_id', 'integer', (c) => c.references('events.id'))
    .addColumn('role', 'text')
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sso_group_mappings_group')
    .on('sso_group_mappings')
    .column('group_value')
    .execute();
  await db.schema
    .createTable('sso_login_flows')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sso_sessions')
    .addColumn('session_id_hash', 'text', (c) => c.primaryKey())
    .addColumn('id_token', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .execute();
}
