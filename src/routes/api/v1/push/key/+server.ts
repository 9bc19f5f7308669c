import { json } from '@sveltejs/kit';
import * as push from '$lib/server/push/push';
import type { RequestHandler } from './$types';

// The VAPID public key a browser needs for pushManager.subscribe (applicationServerKey).
export const GET: RequestHandler = () => json({ publicKey: push.vapid().publicKey });
