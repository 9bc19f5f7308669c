// First-start seeding: the model region with its gemeenten and partners, and the starter
// enquête. Idempotent.
import type { Db } from '../db/index.ts';
import * as regions from '../regions.ts';
import { rivierenland } from './rivierenland.ts';
import * as starterSurvey from './starter-survey.ts';
import type { RegionSeed } from './types.ts';

export const modelRegion: RegionSeed = rivierenland;

export async function run(db: Db): Promise<void> {
	await regions.upsert(db, modelRegion);
	await starterSurvey.seed(db, modelRegion.slug);
}
