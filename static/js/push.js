// @ts-check
// News messages on the More page, which ships no framework JavaScript (csr = false; see
// src/routes/[locale=locale]/more/+page.ts). The section waits in <template id="push-settings">
// and is put into the page here, so without JavaScript nothing is offered that cannot work.
// The same browser calls and the same API as src/lib/push/client.ts (the staff account page's):
// a subscription made here is listed there and the other way round.
const template = /** @type {HTMLTemplateElement | null} */ (
	document.getElementById('push-settings')
);

if (template) {
	const texts = template.dataset;
	const section = /** @type {HTMLElement} */ (
		/** @type {DocumentFragment} */ (document.importNode(template.content, true))
			.firstElementChild
	);
	const $ = (/** @type {string} */ selector) =>
		/** @type {HTMLElement} */ (section.querySelector(selector));
	const supported =
		'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
	template.replaceWith(section);

	if (!supported) {
		$('[data-unsupported]').hidden = false;
		$('[data-supported]').hidden = true;
	} else {
		const select = /** @type {HTMLSelectElement} */ ($('select'));
		const turnOn = /** @type {HTMLButtonElement} */ ($('[data-turn-on]'));
		const outcome = $('[data-outcome]');
		const none = $('[data-none]');
		const listed = $('[data-listed]');
		const item = /** @type {HTMLTemplateElement} */ ($('template[data-item]'));

		/** @param {boolean} busy */
		const setBusy = (busy) => {
			for (const b of section.querySelectorAll('button')) b.disabled = busy;
		};
		/** @param {'' | 'done' | 'failed' | 'throttled' | 'tooMany' | 'denied'} result */
		const say = (result) => {
			outcome.textContent = result ? (texts[result] ?? '') : '';
			outcome.className = result && result !== 'done' ? 'error' : '';
			outcome.hidden = !result;
		};
		/** @param {Array<{ id: string; gemeente: string | null }>} subscriptions */
		const show = (subscriptions) => {
			listed.replaceChildren();
			for (const s of subscriptions) {
				const li = /** @type {HTMLElement} */ (
					/** @type {DocumentFragment} */ (document.importNode(item.content, true))
						.firstElementChild
				);
				/** @type {HTMLElement} */ (li.querySelector('span')).textContent = (
					texts.topic ?? ''
				).replace('{gemeente}', s.gemeente ?? '');
				/** @type {HTMLElement} */ (li.querySelector('button')).addEventListener('click', () =>
					void turnOff(s.id)
				);
				listed.append(li);
			}
			none.hidden = subscriptions.length > 0;
		};

		/** @param {string} method @param {string} path @param {unknown} body */
		const call = (method, path, body) =>
			fetch(path, {
				method,
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
		/** @param {PushSubscription} sub */
		const list = async (sub) => {
			const r = await call('POST', '/api/v1/push/subscriptions/query', { endpoint: sub.endpoint });
			return r.ok ? (await r.json()).subscriptions : [];
		};
		const current = async () => {
			const reg = await navigator.serviceWorker.getRegistration('/');
			return reg ? reg.pushManager.getSubscription() : null;
		};
		/** This phone's subscription, asking for permission the first time. */
		const ensure = async () => {
			if (!(await navigator.serviceWorker.getRegistration('/')))
				await navigator.serviceWorker.register('/service-worker.js', { type: 'module' });
			const reg = await navigator.serviceWorker.ready;
			const existing = await reg.pushManager.getSubscription();
			if (existing) return existing;
			if ((await Notification.requestPermission()) !== 'granted') return null;
			const key = (texts.key ?? '').replace(/-/g, '+').replace(/_/g, '/');
			return reg.pushManager.subscribe({
				userVisibleOnly: true,
				applicationServerKey: Uint8Array.from(atob(key), (c) => c.charCodeAt(0))
			});
		};

		turnOn.addEventListener('click', async () => {
			setBusy(true);
			say('');
			try {
				const sub = await ensure();
				if (!sub) say('denied');
				else {
					const r = await call('POST', '/api/v1/push/subscriptions', {
						subscription: sub.toJSON(),
						topic: 'news',
						locale: texts.locale,
						gemeente: select.value
					});
					say(r.ok ? 'done' : r.status === 429 ? 'throttled' : r.status === 409 ? 'tooMany' : 'failed');
					if (r.ok) show(await list(sub));
				}
			} catch {
				say('failed');
			} finally {
				setBusy(false);
			}
		});

		/** @param {string} id */
		const turnOff = async (id) => {
			setBusy(true);
			say('');
			try {
				const sub = await current();
				if (sub) {
					const r = await call('DELETE', '/api/v1/push/subscriptions', {
						endpoint: sub.endpoint,
						id
					});
					if (!r.ok) throw new Error(String(r.status));
				}
				show(sub ? await list(sub) : []);
			} catch {
				say('failed');
			} finally {
				setBusy(false);
			}
		};

		current()
			.then((sub) => (sub ? list(sub) : []))
			.then(show)
			.catch(() => undefined);
	}
}
