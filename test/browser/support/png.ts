import { crc32, deflateSync, inflateSync } from 'node:zlib';

/** An image as 8-bit RGBA pixels, row by row from the top left. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Channels per pixel for each PNG colour type that has no palette. */
const channelsByColourType: Readonly<Record<number, number>> = {
  0: 1, // greyscale
  2: 3, // RGB
  4: 2, // greyscale and alpha
  6: 4, // RGBA
};

/**
 * Decodes a non-interlaced PNG with 8 bits per channel and no palette, which is what Chromium
 * writes for screenshots. Throws for any other kind of PNG.
 */
export function decodePng(png: Uint8Array): RgbaImage {
  const buffer = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!buffer.subarray(0, 8).equals(signature)) throw new Error('Invalid PNG: wrong signature.');

  let width = 0;
  let height = 0;
  let channels = 0;
  const compressed: Buffer[] = [];

  for (let offset = 8; offset < buffer.length; ) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const chunk = buffer.subarray(offset + 8, offset + 8 + length);
    offset += 12 + length;

    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      const bitDepth = chunk[8];
      const colourType = chunk[9] as number;
      const interlace = chunk[12];
      channels = channelsByColourType[colourType] ?? 0;
      if (bitDepth !== 8 || channels === 0 || interlace !== 0) {
        throw new Error(
          `Unsupported PNG: bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}. Expected 8-bit, non-interlaced greyscale, RGB or RGBA.`,
        );
      }
    } else if (type === 'IDAT') {
      compressed.push(chunk);
    } else if (type === 'IEND') {
      break;
    }
  }
  if (channels === 0) throw new Error('Invalid PNG: no IHDR chunk.');

  const filtered = inflateSync(Buffer.concat(compressed));
  const stride = width * channels;
  const raw = unfilter(filtered, height, stride, channels);
  return { width, height, data: toRgba(raw, width * height, channels) };
}

/** Reverses the per-row PNG filters: None, Sub, Up, Average and Paeth. */
function unfilter(filtered: Buffer, height: number, stride: number, bytesPerPixel: number) {
  const raw = new Uint8Array(height * stride);

  for (let row = 0; row < height; row++) {
    const filterType = filtered[row * (stride + 1)];
    const input = row * (stride + 1) + 1;
    const output = row * stride;

    for (let index = 0; index < stride; index++) {
      const value = filtered[input + index] as number;
      const left = index >= bytesPerPixel ? (raw[output + index - bytesPerPixel] as number) : 0;
      const up = row > 0 ? (raw[output - stride + index] as number) : 0;
      const upLeft =
        row > 0 && index >= bytesPerPixel
          ? (raw[output - stride + index - bytesPerPixel] as number)
          : 0;

      let predictor: number;
      switch (filterType) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4:
          predictor = paeth(left, up, upLeft);
          break;
        default:
          throw new Error(`Invalid PNG: unknown filter type ${filterType} on row ${row}.`);
      }
      raw[output + index] = (value + predictor) & 0xff;
    }
  }
  return raw;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);

  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

function toRgba(raw: Uint8Array, pixels: number, channels: number): Uint8Array {
  if (channels === 4) return raw;

  const rgba = new Uint8Array(pixels * 4);
  for (let pixel = 0; pixel < pixels; pixel++) {
    const source = pixel * channels;
    const grey = channels <= 2;
    rgba[pixel * 4] = raw[source] as number;
    rgba[pixel * 4 + 1] = raw[grey ? source : source + 1] as number;
    rgba[pixel * 4 + 2] = raw[grey ? source : source + 2] as number;
    rgba[pixel * 4 + 3] =
      channels === 2
        ? (raw[source + 1] as number)
        : channels === 4
          ? (raw[source + 3] as number)
          : 255;
  }
  return rgba;
}

/** Encodes RGBA pixels as a PNG with no row filters. */
export function encodePng(image: RgbaImage): Buffer {
  const stride = image.width * 4;
  const filtered = Buffer.alloc(image.height * (stride + 1));
  for (let row = 0; row < image.height; row++) {
    filtered[row * (stride + 1)] = 0;
    filtered.set(image.data.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1);
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = 8;
  header[9] = 6;

  return Buffer.concat([
    signature,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(filtered)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** How far two screenshots may differ before a comparison fails. */
export interface ComparisonTolerance {
  /** The largest difference, 0 to 255, in any channel that still counts as the same colour. */
  readonly channelThreshold: number;
  /** The largest share of pixels, 0 to 1, that may differ beyond the neighbourhood allowance. */
  readonly maxDifferentRatio: number;
}

/** The result of comparing two images of the same size. */
export interface ImageComparison {
  /** Pixels that differ beyond the channel threshold and the neighbourhood allowance. */
  readonly differentPixels: number;
  readonly ratio: number;
  /** The actual image, dimmed, with the different pixels in red. */
  readonly diff: RgbaImage;
}

/**
 * Compares two images pixel by pixel. A pixel whose colour differs still matches when, in every
 * channel, it lies within the range of the other image's 3×3 neighbourhood, widened by
 * `channelThreshold`, and the other image's pixel lies within its own neighbourhood's range.
 * Anti-aliased glyph edges that move by up to a pixel blend neighbouring colours, so they stay in
 * that range, while a new colour or a glyph drawn on a plain background does not.
 */
export function compareImages(
  expected: RgbaImage,
  actual: RgbaImage,
  channelThreshold: number,
): ImageComparison {
  if (expected.width !== actual.width || expected.height !== actual.height) {
    throw new Error(
      `Cannot compare images of different sizes: expected ${expected.width}×${expected.height}, actual ${actual.width}×${actual.height}.`,
    );
  }

  const { width, height } = actual;
  const diff = new Uint8Array(actual.data.length);
  let differentPixels = 0;

  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 4;
      const same =
        colourDistance(expected.data, offset, actual.data, offset) <= channelThreshold ||
        (withinNeighbourhood(expected, x, y, actual.data, offset, channelThreshold) &&
          withinNeighbourhood(actual, x, y, expected.data, offset, channelThreshold));

      if (same) {
        const red = actual.data[offset] as number;
        const green = actual.data[offset + 1] as number;
        const blue = actual.data[offset + 2] as number;
        const dimmed = 255 - (255 - (red + green + blue) / 3) * 0.25;
        diff.set([dimmed, dimmed, dimmed, 255], offset);
      } else {
        differentPixels++;
        diff.set([255, 0, 0, 255], offset);
      }
    }
  }

  return {
    differentPixels,
    ratio: differentPixels / (width * height),
    diff: { width, height, data: diff },
  };
}

function colourDistance(a: Uint8Array, aOffset: number, b: Uint8Array, bOffset: number): number {
  let distance = 0;
  for (let channel = 0; channel < 4; channel++) {
    const difference = Math.abs(
      (a[aOffset + channel] as number) - (b[bOffset + channel] as number),
    );
    distance = Math.max(distance, difference);
  }
  return distance;
}

/** Checks whether `colour` lies, channel by channel, in the range of the 3×3 pixels at (x, y). */
function withinNeighbourhood(
  image: RgbaImage,
  x: number,
  y: number,
  colour: Uint8Array,
  colourOffset: number,
  channelThreshold: number,
): boolean {
  for (let channel = 0; channel < 4; channel++) {
    let low = 255;
    let high = 0;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= image.width || ny >= image.height) continue;
        const value = image.data[(ny * image.width + nx) * 4 + channel] as number;
        low = Math.min(low, value);
        high = Math.max(high, value);
      }
    }
    const value = colour[colourOffset + channel] as number;
    if (value < low - channelThreshold || value > high + channelThreshold) return false;
  }
  return true;
}
