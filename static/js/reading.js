// @ts-check
// Progressive enhancement of the reading pages that ship no framework JavaScript (csr = false:
// home, welcome, glossary and place pages; guide pages have /js/guide.js). Each page reads the
// same without it. What it does, all on this phone:
//   1. home: the checklist progress and the last opened gemeente, from localStorage (the same
//      keys and formats as src/lib/guides/progress.ts), never sent anywhere;
//   2. a welkomstpakket remembers its gemeente for that home page link;
//   3. the glossary reads a word aloud with a voice installed on the phone;
//   4. "Was this helpful?" gets a key of its own per page view (a kept page repeats the server's);
//   5. registers the service worker, which prepares the worker's language for offline use, and
//      asks it to keep the pages listed in [data-offline], saying when it has.
const PROGRESS = 'wegwijs.progress';
const GEMEENTE = 'wegwijs.gemeente';
const locale = document.documentElement.lang;

/** @param {string} key */
function stored(key) {
	try {
		return JSON.parse(localStorage.getItem(key) ?? 'null');
	} catch {
		return null;
	}
}

/** @param {string} template @param {Record<string, string>} params */
const fmt = (template, params) => template.replace(/\{(\w+)\}/g, (_, k) => params[k] ?? '');

const checklist = /** @type {HTMLElement | null} */ (document.querySelector('[data-checklist]'));
if (checklist) {
	/** @type {string[]} */
	const ids = JSON.parse(checklist.dataset.checklist ?? '[]');
	const value = stored(PROGRESS);
	const ticked = new Set(Array.isArray(value) ? value : []);
	const done = ids.filter((id) => ticked.has(`checklist:${id}`)).length;
	/** @type {HTMLProgressElement} */ (checklist.querySelector('progress')).value = done;
	/** @type {HTMLElement} */ (checklist.querySelector('[data-template]')).textContent = fmt(
		checklist.dataset.template ?? '',
		{ done: String(done), total: String(ids.length) }
	);
	checklist.hidden = false;
}

const welcomeLink = /** @type {HTMLAnchorElement | null} */ (
	document.querySelector('a[data-gemeente-title]')
);
const last = stored(GEMEENTE);
if (welcomeLink && typeof last?.id === 'string' && /^[a-z0-9-]+$/.test(last.id)) {
	welcomeLink.href = `/${locale}/welcome/${last.id}`;
	/** @type {HTMLElement} */ (welcomeLink.querySelector('strong')).textContent = fmt(
		welcomeLink.dataset.gemeenteTitle ?? '',
		{ gemeente: String(last.name ?? '') }
	);
}

const remember = /** @type {HTMLElement | null} */ (
	document.querySelector('[data-remember-gemeente]')
);
if (remember) {
	try {
		localStorage.setItem(GEMEENTE, remember.dataset.rememberGemeente ?? '');
	} catch {
		// Private mode or full storage: only a convenience.
	}
}

const listen = /** @type {HTMLButtonElement[]} */ ([...document.querySelectorAll('button.listen')]);
if (listen.length > 0 && 'speechSynthesis' in window) {
	// Read-aloud only with voices installed on the phone (localService): a network voice would
	// send the words to a third party.
	/** @type {SpeechSynthesisVoice | undefined} */ let dutch;
	/** @type {SpeechSynthesisVoice | undefined} */ let own;
	const pick = () => {
		const local = speechSynthesis.getVoices().filter((v) => v.localService);
		dutch = local.find((v) => v.lang.toLowerCase().startsWith('nl'));
		own = local.find((v) => v.lang.toLowerCase().startsWith(locale));
		for (const b of listen) b.hidden = !dutch;
	};
	/** @param {string} text @param {SpeechSynthesisVoice} voice */
	const say = (text, voice) => {
		const u = new SpeechSynthesisUtterance(text);
		u.voice = voice;
		u.lang = voice.lang;
		speechSynthesis.speak(u);
	};
	for (const b of listen) {
		b.addEventListener('click', () => {
			speechSynthesis.cancel();
			if (dutch) say(b.dataset.term ?? '', dutch);
			if (own && locale !== 'nl') say(b.dataset.meaning ?? '', own);
		});
	}
	pick();
	speechSynthesis.addEventListener('voiceschanged', pick);
}

const feedbackKey = /** @type {HTMLInputElement | null} */ (
	document.querySelector('.helpful input[name="submission_key"]')
);
if (feedbackKey) {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	feedbackKey.value = Array.from(bytes, (b) => 'abcdefghijklmnopqrstuvwxyz234567'[b % 32]).join('');
}

if ('serviceWorker' in navigator && 'caches' in window) {
	navigator.serviceWorker.register('/service-worker.js', { type: 'module' }).catch(() => {
		// No offline support on this device; the page still works online.
	});
	const keep = /** @type {HTMLElement | null} */ (document.querySelector('[data-offline]'));
	void navigator.serviceWorker.ready.then((registration) => {
		const worker = registration.active;
		if (!worker) return;
		// One visit is enough to start offline later: home, report form, follow-up note.
		worker.postMessage({ type: 'warm-start', locale });
		const status = /** @type {HTMLElement | null} */ (document.querySelector('.offline-state'));
		if (!keep || !status) return;
		status.textContent = status.dataset.saving ?? '';
		status.dataset.state = 'saving';
		status.hidden = false;
		const channel = new MessageChannel();
		channel.port1.onmessage = (event) => {
			status.dataset.state = event.data.saved ? 'saved' : 'idle';
			status.textContent = event.data.saved ? (status.dataset.saved ?? '') : '';
			status.hidden = !event.data.saved;
		};
		const urls = JSON.parse(keep.dataset.offline ?? '[]');
		worker.postMessage({ type: 'save-offline', urls }, [channel.port2]);
	});
}
document.documentElement.dataset.ready = '';
