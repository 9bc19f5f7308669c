// How a photo of a referral's package leaves the server, on the desk link and in the partner
// account alike: a download with a server-chosen name (never the uploader's), never cached, and
// sandboxed like the staff photo route — the bytes were re-encoded, but a browser must still never
// run anything from here (OWASP file upload: serve as attachment, nosniff).

/** The answer carrying `photo`, the package photo `photoId` of a referral. */
export function download(photo: { mime: string; bytes: Buffer }, photoId: string): Response {
	return new Response(new Uint8Array(photo.bytes), {
		headers: {
			'content-type': photo.mime,
			'content-disposition': `attachment; filename="doorverwijzing-foto-${photoId.slice(0, 8)}.jpg"`,
			'content-security-policy': "default-src 'none'; img-src 'self'; sandbox",
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
