// Waits for something a background job or a loopback peer does: polls `check` until it gives a
// value, or fails after `ms` with what it was waiting for.
export async function until<T>(
	what: string,
	check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
	ms = 30_000
): Promise<T> {
	const end = Date.now() + ms;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}
