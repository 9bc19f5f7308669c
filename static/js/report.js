// @ts-check
// Progressive enhancement of the report form, which is server-rendered without framework
// JavaScript (csr = false, issue #15: about 45 KB less for a cheap phone). The form works the same
// without this script: it posts, and the server answers with errors or the receipt. With it:
//   1. the form becomes seven short steps, with progress, Back/Next and focus on each step;
//   2. the chosen topic's situations come first, the others wait one tap away (ticks are kept);
//   3. the urgent notice follows the ticks, and an error goes as soon as its field changes;
//   4. a location, only when the worker taps for it;
//   5. sending by fetch: the server's own HTML answer gives the errors or the receipt, and with no
//      connection the worker may keep the report on the phone (the outbox) until it is online;
//   6. quick exit wipes the outbox and replaces the page in history (also: Shift three times);
//   7. the receipt's copy and print buttons.
// Everything the worker reads is in the page already, in their language.
import * as outbox from './outbox.js';

/** @param {string} template @param {Record<string, string>} params */
const fmt = (template, params) => template.replace(/\{(\w+)\}/g, (_, k) => params[k] ?? '');

/** @param {string} selector @param {ParentNode} [root] */
const one = (selector, root = document) =>
	/** @type {HTMLElement} */ (root.querySelector(selector));
/** @param {string} selector @param {ParentNode} [root] */
const all = (selector, root = document) => /** @type {HTMLInputElement[]} */ ([
	...root.querySelectorAll(selector)
]);

const STEPS = ['what', 'where', 'who', 'when', 'story', 'consent', 'send'];
/** Which step shows a field, so an error opens the step where it can be fixed. */
/** @type {Record<string, number>} */
const STEP_OF_FIELD = {
	group: 0,
	situations: 0,
	gemeente: 1,
	address: 1,
	pin: 1,
	subject_type: 2,
	subject_name: 2,
	occurred: 3,
	affected: 3,
	text: 4,
	photos: 4,
	consent: 5,
	contact: 5
};

quickExit();
receipt();
const form = /** @type {HTMLFormElement | null} */ (document.querySelector('form.report-form'));
if (form) enhance(form);

// GOV.UK's "Exit this page": the page is emptied at once, the report kept for sending later is
// deleted, and the page is replaced in history so Back does not return to it. Three presses of
// Shift within 5 seconds do the same.
function quickExit() {
	const leave = async (/** @type {Event} */ event) => {
		const link = document.querySelector('a.quick-exit');
		if (!(link instanceof HTMLAnchorElement)) return;
		event.preventDefault();
		const target = link.href;
		document.body.replaceChildren();
		document.title = '';
		// Never let a slow IndexedDB hold the worker on the page; the deletion finishes anyway.
		await Promise.race([outbox.wipe(), new Promise((r) => setTimeout(r, 300))]);
		location.replace(target);
	};
	// On the document: a receipt taken from the server's answer brings a new link.
	document.addEventListener('click', (event) => {
		if (event.target instanceof Element && event.target.closest('a.quick-exit')) void leave(event);
	});
	let presses = 0;
	/** @type {ReturnType<typeof setTimeout> | undefined} */
	let timer;
	window.addEventListener('keyup', (event) => {
		if (event.key !== 'Shift' || event.repeat) return;
		clearTimeout(timer);
		timer = setTimeout(() => (presses = 0), 5000);
		if (++presses === 3) void leave(event);
	});
}

/** Copy and print on the receipt, wherever it came from (the server's page or a fetch). */
function receipt() {
	const box = document.querySelector('.receipt');
	if (!box) return;
	const number = one('[data-testid="receipt"]', box).textContent ?? '';
	const copied = one('[data-copied]', box);
	one('[data-copy]', box).addEventListener('click', () => {
		navigator.clipboard.writeText(number.replace(/\s/g, '')).then(
			() => (copied.hidden = false),
			() => (copied.hidden = true)
		);
	});
	one('[data-print]', box).addEventListener('click', () => window.print());
	one('.actions', box).hidden = false;
}

/** @param {HTMLFormElement} form */
function enhance(form) {
	const text = form.dataset;
	const steps = STEPS.map((s) => /** @type {HTMLFieldSetElement} */ (one(`#step-${s}`, form)));
	const progress = one('.progress', form);
	const nav = one('.step-nav', form);
	const [back, next] = /** @type {HTMLButtonElement[]} */ ([...nav.querySelectorAll('button')]);
	const errorBox = /** @type {HTMLElement} */ (one('.error[role="alert"]', form));
	const sendButton = /** @type {HTMLButtonElement} */ (one('#step-send button', form));
	const key = all('input[name="submission_key"]', form)[0];
	const more = /** @type {HTMLDetailsElement} */ (one('details.more', form));
	const topics = /** @type {HTMLElement[]} */ ([...form.querySelectorAll('[data-topic]')]);
	let step = 0;
	let sending = false;
	let flushing = false;
	/** @type {'none' | 'offer' | 'waiting'} */
	let offline = 'none';

	// The page may come from the service worker's copy, shared by every report from this phone;
	// an echoed key (a refused report) keeps a retry idempotent.
	if (!('echoed' in key.dataset)) key.value = outbox.newKey();
	/** @type {HTMLDetailsElement} */ (one('details.promises')).open = false;
	form.classList.add('enhanced');
	nav.hidden = false;
	progress.hidden = false;

	// --- steps ---
	/** @param {number} to @param {boolean} focus */
	function show(to, focus) {
		step = Math.max(0, Math.min(STEPS.length - 1, to));
		steps.forEach((s, i) => (s.hidden = i !== step));
		back.hidden = step === 0;
		next.hidden = step === STEPS.length - 1;
		progress.textContent = fmt(text.progress ?? '', {
			step: String(step + 1),
			total: String(STEPS.length)
		});
		if (focus) steps[step].focus();
	}
	for (const button of [back, next]) {
		button.addEventListener('click', () => {
			const to = step + Number(button.dataset.step);
			if (to > step && step === 0 && !group()) return showErrors([['group', text.errorGroup]]);
			showErrors([]);
			show(to, true);
		});
	}

	// --- errors ---
	/** @param {[string, string | undefined][]} list field and text */
	function showErrors(list) {
		const ul = one('ul', errorBox);
		ul.replaceChildren(
			...list.map(([field, message]) => {
				const li = document.createElement('li');
				li.dataset.field = field;
				li.textContent = message ?? '';
				return li;
			})
		);
		errorBox.hidden = list.length === 0;
	}
	/** The step of the first error the list names, else `fallback`. */
	function errorStep(/** @type {number} */ fallback) {
		const fields = /** @type {HTMLElement[]} */ ([...errorBox.querySelectorAll('li')]).map(
			(li) => li.dataset.field ?? ''
		);
		const first = fields.find((f) => f in STEP_OF_FIELD);
		return first ? STEP_OF_FIELD[first] : fallback;
	}
	// An error goes away as soon as the worker changes the field it is about; a tick is also a
	// reason, so it answers "tell us what happened" too.
	const clearError = (/** @type {Event} */ event) => {
		const name = /** @type {HTMLInputElement} */ (event.target).name;
		if (!name) return;
		const fixed = name === 'situations' ? ['situations', 'text'] : [name];
		for (const li of /** @type {HTMLElement[]} */ ([...errorBox.querySelectorAll('li')]))
			if (fixed.includes(li.dataset.field ?? '')) li.remove();
		errorBox.hidden = !errorBox.querySelector('li');
	};
	form.addEventListener('input', clearError);
	form.addEventListener('change', clearError);

	// --- topics and situations ---
	const group = () => all('input[name="group"]:checked', form)[0]?.value ?? '';
	const fourWeeks = one('[data-four-weeks]', form);
	const urgent = one('[data-urgent-notice]', form);
	function arrangeTopics() {
		const chosen = group();
		for (const fieldset of topics) {
			const own = fieldset.dataset.topic === chosen;
			fieldset.hidden = !chosen;
			if (own) more.before(fieldset);
			else more.append(fieldset);
		}
		more.hidden = !chosen;
		// Ticks under other topics keep that part open, so nothing ticked is out of sight.
		if (all('details.more input:checked', form).length > 0) more.open = true;
		fourWeeks.hidden = chosen !== 'housing' && chosen !== 'work';
	}
	// One report may hold situations of every topic: the most urgent one sets the priority.
	const markUrgent = () =>
		(urgent.hidden = all('input[name="situations"][data-urgent]:checked', form).length === 0);
	form.addEventListener('change', (event) => {
		const name = /** @type {HTMLInputElement} */ (event.target).name;
		if (name === 'group') arrangeTopics();
		if (name === 'situations') markUrgent();
		if (name === 'contact_wanted') showContact();
	});

	// --- contact ---
	const contact = one('[data-contact]', form);
	const showContact = () =>
		(contact.hidden = !all('input[name="contact_wanted"][value="yes"]:checked', form).length);

	// --- location ---
	const locate = one('[data-locate]', form);
	const locateButton = /** @type {HTMLButtonElement} */ (one('button', locate));
	const failed = one('[data-locate-failed]', form);
	const pinBox = one('.pin', form);
	const pinInputs = all('.pin input', form);
	/** @param {{ lat: string, lng: string } | null} pin */
	function setPin(pin) {
		pinInputs[0].value = pin?.lat ?? '';
		pinInputs[1].value = pin?.lng ?? '';
		for (const input of pinInputs) input.disabled = !pin;
		pinBox.hidden = !pin;
		locate.hidden = Boolean(pin);
	}
	one('[data-pin-remove]', form).hidden = false;
	one('[data-pin-remove]', form).addEventListener('click', () => setPin(null));
	// A location only when the worker taps for it; never asked for automatically.
	locateButton.addEventListener('click', () => {
		locateButton.disabled = true;
		failed.hidden = true;
		const done = (/** @type {{ lat: string, lng: string } | null} */ pin) => {
			locateButton.disabled = false;
			failed.hidden = Boolean(pin);
			if (pin) setPin(pin);
		};
		if (!('geolocation' in navigator)) return done(null);
		navigator.geolocation.getCurrentPosition(
			(p) => done({ lat: p.coords.latitude.toFixed(5), lng: p.coords.longitude.toFixed(5) }),
			() => done(null),
			{ timeout: 15_000, enableHighAccuracy: true, maximumAge: 0 }
		);
	});
	locate.hidden = !pinBox.hidden;

	// --- sending ---
	/**
	 * The server's answer, as the page it would show without JavaScript: a receipt replaces the
	 * page's content; errors replace the list and open the step of the first one. The form keeps
	 * everything, photos included.
	 * @param {Response | null} res
	 */
	async function apply(res) {
		const html = res ? await res.text() : '';
		const page = new DOMParser().parseFromString(html, 'text/html');
		const main = document.querySelector('main');
		const answer = page.querySelector('main');
		if (res?.ok && answer?.querySelector('[data-testid="receipt"]') && main) {
			main.replaceChildren(...answer.childNodes);
			receipt();
			window.scrollTo(0, 0);
			return;
		}
		const box = page.querySelector('form.report-form .error[role="alert"]');
		if (box?.querySelector('li')) {
			showErrors(
				[.../** @type {NodeListOf<HTMLElement>} */ (box.querySelectorAll('li'))].map((li) => [
					li.dataset.field ?? 'form',
					li.textContent?.trim()
				])
			);
			// A used key comes back replaced, so sending again makes a new report.
			const echoed = /** @type {HTMLInputElement | null} */ (
				page.querySelector('input[name="submission_key"]')
			);
			if (echoed?.value) key.value = echoed.value;
		} else {
			showErrors([['form', res?.status === 429 ? text.errorThrottled : text.errorServer]]);
		}
		show(errorStep(STEPS.length - 1), false);
		errorBox.focus();
	}

	/** @param {FormData} body @param {string} action */
	const post = (body, action) =>
		fetch(action, {
			method: 'POST',
			body,
			// The page as the server would show it without JavaScript, not SvelteKit's JSON answer.
			headers: { accept: 'text/html' },
			// A request hanging on a half-dead connection must not block every later try.
			signal: 'timeout' in AbortSignal ? AbortSignal.timeout(20_000) : undefined
		});

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		if (sending) return;
		sending = true;
		sendButton.disabled = true;
		const label = sendButton.textContent;
		sendButton.textContent = text.sending ?? '';
		post(new FormData(form), form.action)
			.then(apply, () => setOffline('offer'))
			.finally(() => {
				sending = false;
				sendButton.disabled = false;
				sendButton.textContent = label;
			});
	});

	// --- the outbox ---
	const notice = one('[data-outbox]');
	/** @param {'none' | 'offer' | 'waiting'} state */
	function setOffline(state) {
		offline = state;
		notice.hidden = state === 'none';
		for (const n of /** @type {HTMLElement[]} */ ([...notice.querySelectorAll('[data-offline]')]))
			n.hidden = n.dataset.offline !== state;
	}
	one('[data-offline-no]').addEventListener('click', () => setOffline('none'));
	one('[data-offline-keep]').addEventListener('click', () => void keepForLater());

	async function keepForLater() {
		/** @type {[string, string | File][]} */
		const entries = [];
		let photo = 0;
		for (const [name, value] of new FormData(/** @type {HTMLFormElement} */ (form)).entries()) {
			if (typeof value === 'string') entries.push([name, value]);
			else if (value.size > 0) {
				const clean = await outbox.strip(value, photo++);
				if (clean) entries.push([name, clean]);
			}
		}
		const action = /** @type {HTMLFormElement} */ (form).action;
		await outbox.save({ key: key.value, action, entries, savedAt: Date.now() });
		setOffline('waiting');
	}

	// One flush at a time: two sends of the same report would be harmless (same submission key)
	// but wasteful on a slow connection.
	async function flush() {
		if (flushing || !navigator.onLine) return;
		flushing = true;
		try {
			for (const p of await outbox.all()) {
				try {
					const res = await post(outbox.toFormData(p), p.action);
					// Busy or down: keep it on the device and try again later.
					if (res.status === 429 || res.status >= 500) {
						setOffline('waiting');
						continue;
					}
					// Delivered, or refused for a reason shown in the form (which still holds every
					// field): either way it must not stay on the device.
					await outbox.remove(p.key);
					setOffline('none');
					await apply(res);
				} catch {
					setOffline('waiting');
				}
			}
		} catch {
			// No IndexedDB here (private mode): nothing was kept, so nothing to send.
		} finally {
			flushing = false;
		}
	}
	// Expired reports go first, so none of them is ever sent.
	outbox
		.expire()
		.then(
			(gone) => (one('[data-offline="expired"]').hidden = !gone),
			() => {}
		)
		.then(flush, () => {});
	// Right after the connection returns the first request often still fails; try again soon.
	window.addEventListener('online', () => {
		void flush();
		setTimeout(() => void flush(), 1_500);
	});
	// The 'online' event is not reliable on every phone or network: while a report waits, try
	// again every few seconds as well.
	setInterval(() => {
		if (offline === 'waiting') void flush();
	}, 3_000);

	// A slow phone shows the form before this script runs, and the worker may already have ticked
	// and typed: everything starts from the form as it is now.
	arrangeTopics();
	markUrgent();
	showContact();
	show(errorBox.hidden ? 0 : errorStep(0), false);
}
