import { error } from '@sveltejs/kit';
import * as database from '$lib/server/platform/db';
import { config } from '$lib/server/platform/config';
import { isLocale } from '$lib/i18n/locales';
import * as qr from '$lib/server/platform/qr';
import { pack } from '$lib/server/i18n/messages';
import * as welcome from '$lib/server/content/welcome';
import type { PageServerLoad } from './$types';

// A flyer the gemeente prints for its welcome package (regional policy 2.1: "een folder met een
// QR-code die verwijst naar de enquête en regionale app"), in the language it chooses.
export const load: PageServerLoad = async ({ params, url }) => {
	const db = database.get().db;
	const pack_ = await welcome.forWorker(db, config.region, params.gemeente, params.locale);
	if (!pack_?.published) error(404, 'Not found');
	const wanted = url.searchParams.get('lang');
	const lang = isLocale(wanted) ? wanted : params.locale;
	const app = `${url.origin}/${lang}/welcome/${params.gemeente}`;
	const survey = `${url.origin}/${lang}/survey`;
	return {
		t: pack(params.locale, ['welcome_']),
		flyer: pack(lang, ['welcome_']),
		lang,
		gemeente: pack_.gemeente,
		codes: [
			{ id: 'app', url: app, svg: await qr.svg(app) },
			{ id: 'survey', url: survey, svg: await qr.svg(survey) }
		]
	};
};
