import fc from 'fast-check';
import sharp from 'sharp';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { clean, MAX_BYTES, MAX_EDGE, metadataOf, sniff } from './photos';

const XMP =
	'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
	'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>CanaryXmp</dc:creator>' +
	'</rdf:Description></rdf:RDF></x:xmpmeta>';

function solid(width: number, height: number) {
	return sharp({ create: { width, height, channels: 3, background: '#c33' } });
}

// sharp cannot write IPTC, so splice a Photoshop APP13 segment with one IPTC By-line record in.
function withIptc(jpeg: Buffer, text: string): Buffer {
	const record = Buffer.concat([
		Buffer.from([0x1c, 0x02, 0x50, 0x00, text.length]),
		Buffer.from(text)
	]);
	const size = Buffer.alloc(4);
	size.writeUInt32BE(record.length);
	let resource = Buffer.concat([
		Buffer.from('8BIM'),
		Buffer.from([0x04, 0x04, 0, 0]),
		size,
		record
	]);
	if (resource.length % 2) resource = Buffer.concat([resource, Buffer.alloc(1)]);
	const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
	const length = Buffer.alloc(2);
	length.writeUInt16BE(payload.length + 2);
	return Buffer.concat([
		jpeg.subarray(0, 2),
		Buffer.from([0xff, 0xed]),
		length,
		payload,
		jpeg.subarray(2)
	]);
}

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

function pngHeaderOnly(width: number, height: number): Buffer {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // truecolour
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', ihdr),
		pngChunk('IDAT', deflateSync(Buffer.alloc(16))),
		pngChunk('IEND', Buffer.alloc(0))
	]);
}

async function expectError(input: Uint8Array, error: string) {
	expect(await clean(input)).toEqual({ ok: false, error });
}

describe('photos', () => {
	it('strip EXIF with GPS, XMP, IPTC and ICC, and keep the picture upright', async () => {
		const jpeg = await solid(400, 200)
			.jpeg()
			// withExif's IFD0 Orientation is overwritten by sharp; withMetadata sets it.
			.withMetadata({ orientation: 6 })
			.withExif({
				IFD0: { Make: 'CanaryCam' },
				IFD3: {
					GPSLatitudeRef: 'N',
					GPSLatitude: '51/1 53/1 0/1',
					GPSLongitudeRef: 'E',
					GPSLongitude: '5/1 25/1 0/1',
					GPSMapDatum: 'GPS-WGS-84'
				}
			})
			.withXmp(XMP)
			.withIccProfile('p3')
			.toBuffer();
		const input = withIptc(jpeg, 'CanaryIptc');
		const before = await metadataOf(input);
		expect(before.orientation).toBe(6);
		expect([before.width, before.height]).toEqual([400, 200]);
		expect(before.exif?.includes('CanaryCam')).toBe(true);
		expect(before.exif?.includes('GPS-WGS-84')).toBe(true);
		expect(before.xmpAsString).toContain('CanaryXmp');
		expect(before.iptc?.includes('CanaryIptc')).toBe(true);
		expect(before.icc).toBeDefined();

		const result = await clean(input);
		if (!result.ok) throw new Error(result.error);
		const { photo } = result;
		expect(photo.mime).toBe('image/jpeg');
		expect([photo.width, photo.height]).toEqual([200, 400]);
		const after = await metadataOf(photo.bytes);
		expect(after.format).toBe('jpeg');
		expect([after.width, after.height]).toEqual([200, 400]);
		expect([1, undefined]).toContain(after.orientation);
		expect(after.exif).toBeUndefined();
		expect(after.xmp).toBeUndefined();
		expect(after.iptc).toBeUndefined();
		expect(after.icc).toBeUndefined();
		expect(after.hasProfile).toBe(false);
		for (const canary of ['CanaryCam', 'GPS', 'CanaryXmp', 'CanaryIptc', 'Exif', 'Photoshop']) {
			expect(photo.bytes.includes(canary), canary).toBe(false);
		}
	});

	it('accept PNG and WebP and turn them into JPEG without enlarging them', async () => {
		const png = await solid(64, 48).png().toBuffer();
		const webp = await solid(64, 48).webp().toBuffer();
		expect(sniff(png)).toBe('png');
		expect(sniff(webp)).toBe('webp');
		for (const input of [png, new Uint8Array(webp)]) {
			const result = await clean(input);
			if (!result.ok) throw new Error(result.error);
			expect(result.photo.mime).toBe('image/jpeg');
			expect([result.photo.width, result.photo.height]).toEqual([64, 48]);
			const after = await metadataOf(result.photo.bytes);
			expect(after.format).toBe('jpeg');
			expect(sniff(result.photo.bytes)).toBe('jpeg');
		}
	});

	it('refuse HTML, SVG, GIF and PDF whatever they are called', async () => {
		const svg =
			'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
			'<script>alert(1)</script><rect width="10" height="10"/></svg>';
		const inputs = {
			html: Buffer.from('<html><script>alert(1)</script></html>'),
			svg: Buffer.from(svg),
			gif: await solid(10, 10).gif().toBuffer(),
			pdf: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n')
		};
		// The GIF and SVG are real images sharp could decode: only their type refuses them.
		expect((await metadataOf(inputs.gif)).format).toBe('gif');
		for (const [name, input] of Object.entries(inputs)) {
			expect(sniff(input), name).toBeNull();
			expect(await clean(input), name).toEqual({ ok: false, error: 'photo_type' });
		}
	});

	it('refuse a JPEG header followed by garbage', async () => {
		const garbage = Buffer.concat([
			Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
			Buffer.from('this is not a picture '.repeat(50))
		]);
		const result = await clean(garbage);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(['photo_unreadable', 'photo_type']).toContain(result.error);
	});

	it('refuse a 50 000 × 50 000 PNG in a tiny file quickly, without decoding it', async () => {
		const bomb = pngHeaderOnly(50_000, 50_000);
		expect(bomb.length).toBeLessThan(1024);
		const header = await metadataOf(bomb);
		expect([header.format, header.width, header.height]).toEqual(['png', 50_000, 50_000]);
		const started = performance.now();
		await expectError(bomb, 'photo_too_many_pixels');
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('refuse more than MAX_BYTES and empty input', async () => {
		const big = Buffer.alloc(MAX_BYTES + 1);
		big.set([0xff, 0xd8, 0xff, 0xe0]);
		await expectError(big, 'photo_too_large');
		await expectError(new Uint8Array(0), 'photo_unreadable');
	});

	it('shrink a large photo to fit within MAX_EDGE', async () => {
		const large = await solid(5000, 3000).jpeg().toBuffer();
		const result = await clean(large);
		if (!result.ok) throw new Error(result.error);
		expect([result.photo.width, result.photo.height]).toEqual([MAX_EDGE, 1229]);
		const after = await metadataOf(result.photo.bytes);
		expect([after.width, after.height]).toEqual([MAX_EDGE, 1229]);
	});

	it('never throw, whatever bytes arrive behind a trusted magic header', async () => {
		const magic = fc.constantFrom(
			[0xff, 0xd8, 0xff],
			[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
			[0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
			[]
		);
		await fc.assert(
			fc.asyncProperty(magic, fc.uint8Array({ maxLength: 512 }), async (head, tail) => {
				const result = await clean(Uint8Array.from([...head, ...tail]));
				expect(result.ok).toBe(false);
			}),
			{ numRuns: 200 }
		);
	});
});
