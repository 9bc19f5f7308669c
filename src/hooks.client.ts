// In the browser the worker's message runtime follows <html lang>, which the server set for this
// page. Switching language is a full page load, so it never changes under a running page.
// (The staff runtime is set up by the staff layout, so worker pages never download it.)
import * as worker from '$lib/paraglide/runtime.js';

const lang = document.documentElement.lang;
worker.overwriteGetLocale(() => (worker.isLocale(lang) ? lang : worker.baseLocale));
