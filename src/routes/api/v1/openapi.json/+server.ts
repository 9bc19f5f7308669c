import { json } from '@sveltejs/kit';
import { document } from '$lib/server/http/openapi';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => json(document());
