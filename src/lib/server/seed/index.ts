// First-start seeding: the model region with its gemeenten and partners. Idempotent.
import type { Db } from '../db/index.ts';
import * as regions from '../regions.ts';
import { rivierenland } from './rivierenland.ts';
import type { RegionSeed } from './types.ts';

export const modelRegion: RegionSeed = rivierenland;

export async function run(db: Db): Promise<void> {
	await regions.upsert(db, modelRegion);
}
