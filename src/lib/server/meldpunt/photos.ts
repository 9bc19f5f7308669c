// Photo uploads from anonymous workers. Metadata can identify the person who took the picture
// (EXIF GPS and camera serial numbers, XMP/IPTC author fields, an unusual ICC profile), so a photo is
// never stored as uploaded: it is decoded and re-encoded, keeping only the pixels.
import sharp, { type Metadata } from 'sharp';

export const MAX_BYTES = 10 * 1024 * 1024; // per photo
export const MAX_PHOTOS = 5;
export const MAX_INPUT_PIXELS = 50_000_000; // refuse decompression bombs before decoding
export const MAX_EDGE = 2048; // output is resized to fit within this box

export type PhotoError =
	'photo_type' | 'photo_too_large' | 'photo_too_many_pixels' | 'photo_unreadable';

export interface CleanPhoto {
	bytes: Buffer;
	mime: 'image/jpeg';
	width: number;
	height: number;
}

type CleanResult = { ok: true; photo: CleanPhoto } | { ok: false; error: PhotoError };

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

function hasBytes(bytes: Uint8Array, expected: readonly number[], offset = 0): boolean {
	if (bytes.length < offset + expected.length) return false;
	return expected.every((b, i) => bytes[offset + i] === b);
}

/** Sniffs the real type from magic bytes: 'jpeg' | 'png' | 'webp' | null. Never trusts names or declared types. */
export function sniff(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' | null {
	if (hasBytes(bytes, JPEG)) return 'jpeg';
	if (hasBytes(bytes, PNG)) return 'png';
	if (hasBytes(bytes, RIFF) && hasBytes(bytes, WEBP, 8)) return 'webp';
	return null;
}

/** Checks and re-encodes one upload. */
export async function clean(bytes: Uint8Array): Promise<CleanResult> {
	if (bytes.byteLength === 0) return { ok: false, error: 'photo_unreadable' };
	if (bytes.byteLength > MAX_BYTES) return { ok: false, error: 'photo_too_large' };
	// Only the content decides: an HTML or SVG file named .jpg would be script if ever served back,
	// and every extra decoder (GIF, PDF, TIFF, ...) is extra attack surface.
	const type = sniff(bytes);
	if (type === null) return { ok: false, error: 'photo_type' };
	try {
		// metadata() reads only the header, so a 50 000 × 50 000 PNG in a few bytes is measured here
		// without being decoded. sharp's limitInputPixels would make metadata() throw a generic error
		// instead, so the limit is checked by hand here and enforced by sharp again when decoding.
		const meta = await sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata();
		if (meta.width * meta.height > MAX_INPUT_PIXELS) {
			return { ok: false, error: 'photo_too_many_pixels' };
		}
		if (meta.format !== type) return { ok: false, error: 'photo_type' };
		// No withMetadata/keep* call: sharp then writes no EXIF (GPS), XMP, IPTC or ICC at all.
		// rotate() bakes the EXIF orientation into the pixels, because the tag itself is dropped.
		const { data, info } = await sharp(bytes, {
			limitInputPixels: MAX_INPUT_PIXELS,
			failOn: 'error'
		})
			.rotate()
			.resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
			.jpeg({ quality: 82, mozjpeg: false })
			.toBuffer({ resolveWithObject: true });
		return {
			ok: true,
			photo: { bytes: data, mime: 'image/jpeg', width: info.width, height: info.height }
		};
	} catch {
		return { ok: false, error: 'photo_unreadable' };
	}
}

/** sharp's view of an image, for tests that check what survived cleaning. Reads only the header. */
export async function metadataOf(bytes: Uint8Array): Promise<Metadata> {
	return sharp(bytes, { limitInputPixels: false }).metadata();
}
