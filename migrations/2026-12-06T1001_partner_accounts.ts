// Partners with accounts: a staff user of role 'partner' belongs to exactly one partner organisation
// and sees only that organisation's referrals; every other role belongs to none. The database holds
// the rule too, so no path (page, CLI, SQL) can make a partner user of nobody or a handler of a
// partner.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table staff_user drop constraint staff_user_role_check`.execute(db);
	await sql`alter table staff_user add constraint staff_user_role_check
		check (role in ('admin', 'coordinator', 'handler', 'editor', 'panel', 'partner'))`.execute(db);
	await db.schema
		.alterTable('staff_user')
		.addColumn('partner_id', 'text', (c) => c.references('partner.id').onDelete('restrict'))
		.execute();
	await sql`alter table staff_user add constraint staff_user_partner_role
		check ((role = 'partner') = (partner_id is not null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`alter table staff_user drop constraint staff_user_partner_role`.execute(db);
	await db.schema.alterTable('staff_user').dropColumn('partner_id').execute();
	await sql`alter table staff_user drop constraint staff_user_role_check`.execute(db);
	await sql`alter table staff_user add constraint staff_user_role_check
		check (role in ('admin', 'coordinator', 'handler', 'editor', 'panel'))`.execute(db);
}
