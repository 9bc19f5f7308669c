// QR codes drawn on our own server as SVG: no QR web service ever sees which gemeente prints what.
import QRCode from 'qrcode';

export function svg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
