import { json } from '@sveltejs/kit';
import * as database from '$lib/server/platform/db';
import * as regions from '$lib/server/regions/regions';
import { config } from '$lib/server/platform/config';
import { text } from '$lib/server/i18n/messages';
import type { RequestHandler } from './$types';

// The web app manifest, per locale so the installed app opens in the worker's language.
export const GET: RequestHandler = async ({ params }) => {
	const region = await regions.read(database.get().db, config.region);
	const s = (region?.settings ?? {}) as Record<string, string | undefined>;
	const locale = params.locale;
	return json(
		{
			id: `/${locale}`,
			name: s.appName ?? 'Wegwijs',
			short_name: s.shortName ?? 'Wegwijs',
			description: text(locale, 'home_intro'),
			lang: locale,
			dir: 'ltr',
			start_url: `/${locale}`,
			scope: '/',
			display: 'standalone',
			background_color: s.backgroundColor ?? '#ffffff',
			theme_color: s.themeColor ?? '#0b5394',
			icons: [
				{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
				{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
				{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
			]
		},
		{
			headers: {
				'content-type': 'application/manifest+json',
				'cache-control': 'public, max-age=3600'
			}
		}
	);
};
