// On a slow phone the page is readable, and fillable, seconds before its scripts arrive. When
// Svelte then hydrates, it writes the server-rendered values back into the fields: text typed in
// the meantime would be wiped. The root layout captures what the person changed before
// hydration and puts it back right after, announcing it with input/change events so every
// component's state follows what is on the screen.

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface Typed {
	field: Field;
	/** Where to find the field again if hydration had to render it anew. */
	name: string;
	index: number;
	value?: string;
	checked?: boolean;
	files?: FileList;
}

const SKIPPED = new Set(['hidden', 'submit', 'button', 'reset', 'image']);

function changed(field: Field): Omit<Typed, 'field' | 'name' | 'index'> | null {
	if (field instanceof HTMLSelectElement) {
		const dirty = [...field.options].some((o) => o.selected !== o.defaultSelected);
		return dirty ? { value: field.value } : null;
	}
	if (field instanceof HTMLTextAreaElement) {
		return field.value !== field.defaultValue ? { value: field.value } : null;
	}
	if (SKIPPED.has(field.type)) return null;
	if (field.type === 'checkbox' || field.type === 'radio') {
		return field.checked !== field.defaultChecked ? { checked: field.checked } : null;
	}
	if (field.type === 'file') return field.files?.length ? { files: field.files } : null;
	return field.value !== field.defaultValue ? { value: field.value } : null;
}

/** Call before hydration: what the person has changed so far. */
export function capture(doc: Document): Typed[] {
	const typed: Typed[] = [];
	const fields = doc.querySelectorAll<Field>('input, textarea, select');
	fields.forEach((field) => {
		const change = changed(field);
		if (!change) return;
		const named = doc.getElementsByName(field.name);
		typed.push({ field, name: field.name, index: [...named].indexOf(field), ...change });
	});
	return typed;
}

/** Call after hydration: puts back whatever hydration overwrote. */
export function restore(doc: Document, typed: Typed[]): void {
	for (const t of typed) {
		const field = t.field.isConnected
			? t.field
			: (doc.getElementsByName(t.name)[t.index] as Field | undefined);
		if (!field) continue;
		let differs = false;
		if (t.files !== undefined && field instanceof HTMLInputElement) {
			differs = field.files !== t.files && field.files?.length === 0;
			if (differs) field.files = t.files;
		} else if (t.checked !== undefined && field instanceof HTMLInputElement) {
			differs = field.checked !== t.checked;
			if (differs) field.checked = t.checked;
		} else if (t.value !== undefined) {
			differs = field.value !== t.value;
			if (differs) field.value = t.value;
		}
		if (!differs) continue;
		field.dispatchEvent(new Event('input', { bubbles: true }));
		field.dispatchEvent(new Event('change', { bubbles: true }));
	}
}
