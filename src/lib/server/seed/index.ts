// First-start seeding: the model region with its gemeenten, partners and demo facilities. Idempotent.
import type { Db } from '../db/index.ts';
import * as regions from '../regions.ts';
import * as demoFacilities from './facilities.ts';
import { rivierenland } from './rivierenland.ts';
import type { RegionSeed } from './types.ts';

export const modelRegion: RegionSeed = rivierenland;

export async function run(db: Db): Promise<void> {
	await regions.upsert(db, modelRegion);
	await demoFacilities.seed(db, modelRegion.slug);
}
