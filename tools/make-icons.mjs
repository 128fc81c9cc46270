#!/usr/bin/env node
// Draws Lectern's toolbar icons (a page with a title bar and lines of text) as PNG files, with
// no dependencies: a tiny rasteriser with 4x4 supersampling and a PNG encoder on node:zlib.
// Usage: node tools/make-icons.mjs   (writes extension/icons/*.png)
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a 0..1 unit square, painted in order: [test(x, y), [r, g, b]].
function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
function design(accent) {
  const paper = [255, 255, 255];
  const ink = accent.map((c) => Math.round(c * 0.55));
  return [
    [roundRect(0.02, 0.02, 0.98, 0.98, 0.2), accent],
    [roundRect(0.2, 0.14, 0.8, 0.86, 0.06), paper],
    [roundRect(0.29, 0.25, 0.71, 0.36, 0.03), accent],
    [roundRect(0.29, 0.45, 0.71, 0.5, 0.025), ink],
    [roundRect(0.29, 0.58, 0.71, 0.63, 0.025), ink],
    [roundRect(0.29, 0.71, 0.58, 0.76, 0.025), ink],
  ];
}
function draw(size, shapes) {
  const ss = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          let colour = null;
          for (const [test, c] of shapes) if (test(x, y)) colour = c;
          if (colour) { r += colour[0]; g += colour[1]; b += colour[2]; a += 1; }
        }
      }
      const i = (py * size + px) * 4;
      if (a) { out[i] = r / a; out[i + 1] = g / a; out[i + 2] = b / a; out[i + 3] = (255 * a) / (ss * ss); }
    }
  }
  return png(size, out);
}

const dir = new URL('../extension/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`icon-${size}.png`, dir), draw(size, design([34, 94, 82])));
}
for (const size of [16, 32]) {
  writeFileSync(new URL(`icon-off-${size}.png`, dir), draw(size, design([112, 112, 112])));
}
writeFileSync(new URL('../www/favicon.png', import.meta.url), draw(32, design([34, 94, 82])));
console.log('icons written');
