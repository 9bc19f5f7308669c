// A large survey round: `responses` responses × 20 questions (19 rapportcijfers and a length-of-
// stay background question), spread over the region's gemeenten and the 13 languages, written
// straight into PostgreSQL with INSERT … SELECT, and a panel member's verified session.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import * as sessions from '../../src/lib/server/staff/session.ts';
import * as users from '../../src/lib/server/staff/users.ts';

const REGION = 'rivierenland';
const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];

export async function survey(db: Db, responses: number): Promise<string> {
	const id = randomUUID();
	const texts = JSON.stringify(Object.fromEntries(LOCALES.map((l) => [l, `Vraag (${l})`])));
	await db
		.insertInto('survey')
		.values({
			id,
			region_id: REGION,
			title: 'Bench-enquête',
			series: 'bench',
			titles: texts,
			locales: LOCALES,
			gemeenten: [],
			state: 'open'
		})
		.execute();
	const questions = Array.from({ length: 20 }, (_, i) => ({
		id: randomUUID(),
		survey_id: id,
		key: i === 19 ? 'stay' : `q${i + 1}`,
		position: i + 1,
		kind: i === 19 ? ('single' as const) : ('scale' as const),
		texts,
		options: JSON.stringify(
			i === 19 ? ['short', 'mid', 'long'].map((key) => ({ key, texts: JSON.parse(texts) })) : []
		),
		show_if: null,
		background: i === 19 ? ('stay' as const) : null
	}));
	await db.insertInto('survey_question').values(questions).execute();
	const gemeenten = (
		await db.selectFrom('gemeente').select('id').where('region_id', '=', REGION).execute()
	).map((g) => g.id);
	const arr = (values: readonly string[]) => sql`${sql.val([...values])}::text[]`;
	await sql`
		insert into survey_response (id, survey_id, week, locale, gemeente, stay, sector, submission_hash)
		select gen_random_uuid(), ${id}, date_trunc('week', now() - random() * interval '60 days')::date,
			(${arr(LOCALES)})[1 + floor(random() * 13)::int],
			(${arr(gemeenten)})[1 + floor(random() * ${gemeenten.length})::int],
			(array['short', 'mid', 'long'])[1 + floor(random() * 3)::int], null,
			decode(md5(random()::text || i::text), 'hex')
		from generate_series(1, ${responses}::int) i`.execute(db);
	const scale = questions.filter((q) => q.kind === 'scale').map((q) => q.id);
	const stay = questions[19].id;
	// Most people answer most questions; about one in ten skips a given question.
	await sql`
		insert into survey_answer (response_id, survey_id, question_id, choice, locale, gemeente, stay, sector)
		select r.id, r.survey_id, q.id,
			case when q.id = ${stay} then r.stay
				else (1 + least(9, floor(random() * 6 + random() * 5)))::int::text end,
			r.locale, r.gemeente, r.stay, null
		from survey_response r
		cross join unnest(${sql.val([...scale, stay])}::uuid[]) as q(id)
		where r.survey_id = ${id} and random() > 0.1`.execute(db);
	await sql`
		insert into survey_tally (survey_id, question_id, choice, locale, gemeente, stay, n)
		select survey_id, question_id, choice, locale, coalesce(gemeente, ''), coalesce(stay, ''), count(*)
		from survey_answer where survey_id = ${id}
		group by 1, 2, 3, 4, 5, 6`.execute(db);
	await sql`analyze survey_answer`.execute(db);
	await sql`analyze survey_tally`.execute(db);
	await sql`analyze survey_response`.execute(db);
	return id;
}

/** A panel member's session token, past TOTP. */
export async function panel(db: Db): Promise<string> {
	const user = await users.create(db, {
		email: `bench-panel-${randomBytes(4).toString('hex')}@example.test`,
		name: 'Bench panel',
		role: 'panel',
		regionId: REGION,
		gemeenten: []
	});
	await users.setTotpKey(db, user.id, randomBytes(20), 0n);
	return (await sessions.create(db, user.id, true)).token;
}
