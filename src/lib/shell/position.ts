// The phone's position, asked for only when the worker taps for it. It stays on the phone unless
// the worker then sends a form that holds it; null when there is no position or no permission.
export function current(options: PositionOptions): Promise<{ lat: number; lng: number } | null> {
	if (!('geolocation' in navigator)) return Promise.resolve(null);
	return new Promise((resolve) =>
		navigator.geolocation.getCurrentPosition(
			(p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
			() => resolve(null),
			{ timeout: 15_000, ...options }
		)
	);
}
