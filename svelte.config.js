import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// No `window.__svelte.v` version marker: one script request less on every page.
	compilerOptions: { discloseVersion: false },
	kit: {
		adapter: adapter({ precompress: true }),
		// Nothing is prerendered: a meta-CSP would lose frame-ancestors, and every page needs headers.
		prerender: { entries: [] },
		// The server tells the browser which route a link leads to, so no page ships the list of
		// every route (staff routes included): about 4.5 KB gzip less JavaScript on every page.
		// server.js names a staff route only to staff (issue #17, see README).
		router: { resolution: 'server' },
		// The small per-route stylesheets (a few hundred bytes) go inline: each would otherwise be
		// one more render-blocking request on a slow link (Lighthouse, issue #15). The large shared
		// ones stay files the phone caches once.
		inlineStyleThreshold: 1024,
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// Leaflet and Svelte transitions position elements with style attributes.
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'media-src': ['self'],
				'object-src': ['none'],
				'frame-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// Our own check in hooks.server.ts replaces SvelteKit's Origin comparison: with
		// Referrer-Policy: no-referrer browsers send `Origin: null` on same-origin form posts.
		csrf: { trustedOrigins: ['*'] },
		serviceWorker: { register: false },
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../migrations/**/*.ts');
				return tsconfig;
			}
		},
		alias: {
			$messages: 'src/lib/paraglide/messages.js'
		}
	}
};

export default config;
