import QRCode from 'qrcode';

/**
 * The otpauth:// URI as a QR code an authenticator app scans: an SVG data URL for an <img> (the page's CSP
 * allows img data:), drawn on the server so that it needs no script. Dark on light with a quiet zone, as
 * scanners expect.
 */
export async function totpQrCodeDataUrl(otpauthUri: string): Promise<string> {
  const svg = await QRCode.toString(otpauthUri, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
