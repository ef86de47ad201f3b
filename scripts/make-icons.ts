/**
 * Draws the add-in's icons and writes them as PNGs into assets/ (`npx tsx scripts/make-icons.ts`).
 *
 * The glyph: a register sheet (header band, rows, a key column) on a PMO-blue tile, with a green
 * check badge — "a register that has been checked". Drawn from shapes with 4×4 supersampling, edges
 * snapped to whole pixels so the 16 px ribbon icon stays crisp, and encoded with Node's zlib (no
 * image package needed). Deterministic: the same script always writes the same bytes.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { deflateSync } from "node:zlib";

type Rgb = readonly [number, number, number];
const BRAND: Rgb = [0x1f, 0x4e, 0x79]; // deep PMO blue
const HEADER: Rgb = [0x9d, 0xc3, 0xe6]; // light blue header band
const SHEET: Rgb = [0xff, 0xff, 0xff];
const GRID: Rgb = [0x5b, 0x7f, 0xa6]; // row rules, softer than the tile
const BADGE: Rgb = [0x1e, 0x8e, 0x3e]; // "done" green
const TICK: Rgb = [0xff, 0xff, 0xff];

/** A shape answers "is this point (in pixels) inside me?". */
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  colour: Rgb;
}

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A line segment with round caps: distance from the segment ≤ half the width. */
function stroke(ax: number, ay: number, bx: number, by: number, width: number): Shape {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= (width / 2) ** 2;
  };
}

/** The layers for one size, in pixel units, bottom first. `tile` false gives a transparent background. */
function layers(size: number, tile: boolean): Layer[] {
  const snap = (v: number): number => Math.round(v * size);
  const line = (fraction: number): number => Math.max(1, Math.round(fraction * size));
  const out: Layer[] = [];
  if (tile) out.push({ shape: roundRect(0, 0, size, size, size * 0.18), colour: BRAND });

  // The sheet: inset from the tile, rows below a header band, one key column.
  const left = snap(tile ? 0.16 : 0.06);
  const right = size - left;
  const top = snap(tile ? 0.18 : 0.1);
  const bottom = size - snap(tile ? 0.16 : 0.08);
  const corner = Math.max(0.5, size * 0.04);
  const border = tile ? 0 : line(1 / 16);
  if (!tile) out.push({ shape: roundRect(left, top, right, bottom, corner), colour: BRAND });
  out.push({ shape: roundRect(left + border, top + border, right - border, bottom - border, corner), colour: SHEET });
  const headerBottom = top + Math.max(2, snap(0.2));
  out.push({
    shape: roundRect(left + border, top + border, right - border, headerBottom, corner),
    colour: tile ? HEADER : BRAND,
  });
  const rule = line(1 / 20);
  const rows = 3;
  const body = bottom - border - headerBottom;
  for (let i = 1; i < rows; i++) {
    const y = headerBottom + Math.round((body * i) / rows);
    out.push({ shape: roundRect(left + border, y, right - border, y + rule, 0), colour: GRID });
  }
  const keyColumn = left + Math.round((right - left) * 0.34);
  out.push({ shape: roundRect(keyColumn, headerBottom, keyColumn + rule, bottom - border, 0), colour: GRID });

  // The badge: a green disc with a white tick over the sheet's lower-right corner, ringed in the
  // tile colour (or white when there is no tile) so it reads apart from the grid.
  // At 16 px the badge is larger and tucked into the corner so the tick keeps a few clear pixels.
  const small = size <= 16;
  const r = size * (small ? 0.27 : 0.21);
  const inset = small ? 0 : size * 0.08;
  const cx = size - r - inset;
  const cy = size - r - inset;
  const ring = small ? 0.6 : Math.max(1, size * 0.04);
  out.push({ shape: circle(cx, cy, r + ring), colour: tile ? BRAND : SHEET });
  out.push({ shape: circle(cx, cy, r), colour: BADGE });
  const w = small ? 1.5 : size * 0.065;
  out.push({ shape: stroke(cx - r * 0.5, cy + r * 0.02, cx - r * 0.12, cy + r * 0.42, w), colour: TICK });
  out.push({ shape: stroke(cx - r * 0.12, cy + r * 0.42, cx + r * 0.52, cy - r * 0.38, w), colour: TICK });
  return out;
}

/** Renders layers to straight (non-premultiplied) RGBA with SS×SS samples per pixel. */
function render(size: number, tile: boolean): Uint8Array {
  const SS = 4;
  const stack = layers(size, tile);
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = px + (sx + 0.5) / SS;
          const y = py + (sy + 0.5) / SS;
          // The topmost layer that covers the sample decides its colour (shapes are opaque).
          for (let i = stack.length - 1; i >= 0; i--) {
            if (stack[i].shape(x, y)) {
              const c = stack[i].colour;
              r += c[0];
              g += c[1];
              b += c[2];
              a += 1;
              break;
            }
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** PNG: 8-bit RGBA, no interlace, filter 0 on every row (small icons compress well enough). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function main(): void {
  const dir = path.resolve(__dirname, "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of [16, 32, 64, 80, 128]) {
    writeFileSync(path.join(dir, `icon-${size}.png`), encodePng(size, size, render(size, true)));
  }
  writeFileSync(path.join(dir, "logo-filled.png"), encodePng(256, 256, render(256, true)));
  process.stdout.write(`icons written to ${dir}\n`);
}

if (require.main === module) main();
