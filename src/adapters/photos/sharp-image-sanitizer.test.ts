import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { createSharpImageSanitizer } from './sharp-image-sanitizer.js';

const sanitizer = createSharpImageSanitizer({ maxPixels: 64_000_000, maxSide: 2048 });

/** A phone photo as it comes off the camera: EXIF with the maker, the model and a GPS position. */
export async function photoWithGps(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Testcamera', Model: 'Spiekoog 3000' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 22/1 2316/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '4/1 53/1 3336/100',
      },
    })
    .toBuffer();
}

describe('the image sanitizer', () => {
  test('re-encodes a camera photo as a JPEG without any metadata, turned upright', async () => {
    const input = await photoWithGps(640, 480);
    const before = await sharp(input).metadata();
    assert.ok(
      before.exif !== undefined && before.exif.includes(Buffer.from('Spiekoog 3000')),
      'the test photo carries EXIF',
    );
    assert.equal(before.orientation, 6);
    // The GPS IFD pointer (tag 0x8825), in either byte order: the photo says where it was taken.
    assert.ok(
      before.exif.includes(Buffer.from([0x88, 0x25])) || before.exif.includes(Buffer.from([0x25, 0x88])),
      'the test photo carries a GPS position',
    );
    const outcome = await sanitizer.sanitize(input);
    assert.ok(outcome.ok);
    const after = await sharp(outcome.image.bytes).metadata();
    assert.equal(after.format, 'jpeg');
    assert.equal(after.exif, undefined, 'no EXIF (and so no GPS) left');
    assert.equal(after.xmp, undefined);
    assert.equal(after.icc, undefined);
    // Orientation 6 (rotate 90°): the pixels are turned, not the flag kept.
    assert.deepEqual([after.width, after.height, outcome.image.width, outcome.image.height], [480, 640, 480, 640]);
    assert.ok(!Buffer.from(outcome.image.bytes).includes(Buffer.from('Spiekoog')));
  });

  test('scales a large photo down to the longest side', async () => {
    const input = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const outcome = await sanitizer.sanitize(input);
    assert.ok(outcome.ok);
    assert.deepEqual([outcome.image.width, outcome.image.height], [2048, 1536]);
  });

  test('refuses what is no image, whatever its name or type says', async () => {
    for (const bytes of [
      Buffer.from('Dit is geen foto, al heet het bestand foto.jpg.\n'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      Buffer.alloc(0),
    ]) {
      assert.deepEqual(await sanitizer.sanitize(bytes), { ok: false, problem: 'not-an-image' });
    }
  });

  test('refuses a truncated JPEG', async () => {
    const whole = await photoWithGps(800, 600);
    assert.deepEqual(await sanitizer.sanitize(whole.subarray(0, Math.floor(whole.length / 2))), {
      ok: false,
      problem: 'not-an-image',
    });
  });

  test('refuses a picture of too many pixels before decoding it (a decompression bomb)', async () => {
    // 100 megapixels of one colour: a PNG of a few hundred kilobytes that would take 300 MB to decode.
    const bomb = await sharp({
      create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' },
      limitInputPixels: false,
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    assert.ok(bomb.length < 2_000_000, `the bomb is small on disk (${bomb.length} bytes)`);
    assert.deepEqual(await sanitizer.sanitize(bomb), { ok: false, problem: 'too-many-pixels' });
  });
});
