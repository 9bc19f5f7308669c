// In the browser both message runtimes follow <html lang>, which the server set for this page.
// Switching language is a full page load, so it never changes under a running page.
import * as worker from '$lib/paraglide/runtime.js';
import * as staff from '$lib/paraglide-staff/runtime.js';

const lang = document.documentElement.lang;
worker.overwriteGetLocale(() => (worker.isLocale(lang) ? lang : worker.baseLocale));
staff.overwriteGetLocale(() => (lang === 'en' ? 'en' : 'nl'));
