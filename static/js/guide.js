// @ts-check
// Progressive enhancement of a guide page, which ships no framework JavaScript (csr = false; see
// src/routes/[locale=locale]/guides/[slug]/+page.ts). It does three small things:
//   1. shows a "done" tick per step, kept in localStorage only — the same store and format as
//      src/lib/guides/progress.ts ('wegwijs.progress': a JSON array of ids), never sent anywhere;
//   2. registers the service worker, as the Svelte layout does on other pages;
//   3. asks the service worker to keep the guides for offline use, and says when it has.
const KEY = 'wegwijs.progress';

/** @returns {Set<string>} */
function load() {
	try {
		const value = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		return new Set(Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
	} catch {
		return new Set();
	}
}

/** @param {Set<string>} done */
function save(done) {
	try {
		localStorage.setItem(KEY, JSON.stringify([...done]));
	} catch {
		// Private mode or full storage: the ticks last for this visit only.
	}
}

const root = /** @type {HTMLElement | null} */ (document.querySelector('[data-guide]'));
if (root) {
	const slug = root.dataset.guide;
	const boxes = /** @type {HTMLInputElement[]} */ ([
		...root.querySelectorAll('input[data-step]')
	]);
	const progress = /** @type {HTMLElement} */ (root.querySelector('[data-template]'));
	const id = (/** @type {HTMLInputElement} */ box) => `guide:${slug}:${box.dataset.step}`;

	const show = () => {
		const done = load();
		let count = 0;
		for (const box of boxes) {
			box.checked = done.has(id(box));
			box.closest('li')?.classList.toggle('done', box.checked);
			if (box.checked) count++;
		}
		progress.textContent = (progress.dataset.template ?? '')
			.replace('{done}', String(count))
			.replace('{total}', String(boxes.length));
		progress.hidden = false;
	};

	for (const box of boxes) {
		/** @type {HTMLElement} */ (box.closest('label')).hidden = false;
		box.addEventListener('change', () => {
			const done = load();
			if (box.checked) done.add(id(box));
			else done.delete(id(box));
			save(done);
			show();
		});
	}
	show();

	const status = /** @type {HTMLElement} */ (root.querySelector('.offline-state'));
	if ('serviceWorker' in navigator && 'caches' in window) {
		navigator.serviceWorker.register('/service-worker.js', { type: 'module' }).catch(() => {
			// No offline support on this device; the guide still works online.
		});
		void navigator.serviceWorker.ready.then((registration) => {
			if (!registration.active) return;
			status.textContent = status.dataset.saving ?? '';
			status.dataset.state = 'saving';
			status.hidden = false;
			const channel = new MessageChannel();
			channel.port1.onmessage = (event) => {
				status.dataset.state = event.data.saved ? 'saved' : 'idle';
				status.textContent = event.data.saved ? (status.dataset.saved ?? '') : '';
				status.hidden = !event.data.saved;
			};
			const urls = JSON.parse(root.dataset.offline ?? '[]');
			registration.active.postMessage({ type: 'save-offline', urls }, [channel.port2]);
		});
	}
}
