// First-start seeding: the model region with its gemeenten and partners, the figures the guides
// quote, a welkomstpakket per gemeente (confirmed contacts only), the demo facilities and the
// starter enquête. Idempotent, and never overwrites what editors changed (removed demo
// facilities stay removed); texts an earlier version seeded get today's wording where untouched.
import type { Db } from '../../platform/db/index.ts';
import { log } from '../../platform/log.ts';
import * as facts from '../../content/facts.ts';
import * as regions from '../../regions/regions.ts';
import * as demoFacilities from './facilities.ts';
import * as welcome from '../../content/welcome.ts';
import { rivierenland } from './rivierenland.ts';
import * as reword from './reword.ts';
import * as starterSurvey from './starter-survey.ts';
import type { RegionSeed } from '../../regions/types.ts';
import * as welcomePacks from './welcome-packs.ts';

export const modelRegion: RegionSeed = rivierenland;

export async function run(db: Db): Promise<void> {
	await regions.upsert(db, modelRegion);
	await facts.seed(db);
	for (const g of modelRegion.gemeenten)
		await welcome.seedDemo(db, g.slug, {
			contacts: welcomePacks.contacts(g.slug),
			texts: welcomePacks.texts(g.name)
		});
	await demoFacilities.seed(db, modelRegion.slug);
	await starterSurvey.seed(db, modelRegion.slug);
	const reworded = await reword.run(db, modelRegion);
	if (reworded.survey + reworded.welcome + reworded.facilities > 0)
		log.info({ reworded }, 'seeded texts brought to their current wording');
}
