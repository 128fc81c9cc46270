// Shared by the benchmark scripts: which pages a directory holds, statistics, the machine.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The pages of a corpus directory, sorted by name: `<name>/source.html` folders (the
 * readability corpus), else `pages/*.html` (the trafilatura corpus), else `*.html`.
 * Returns [{ name, path, bytes }].
 */
export function listPages(dir) {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  let pages = entries
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'source.html')))
    .map((e) => ({ name: e.name, path: path.join(dir, e.name, 'source.html') }));
  if (!pages.length) {
    const htmlDir = fs.existsSync(path.join(dir, 'pages')) ? path.join(dir, 'pages') : dir;
    pages = fs.readdirSync(htmlDir)
      .filter((f) => /\.html?$/i.test(f))
      .map((f) => ({ name: f, path: path.join(htmlDir, f) }));
  }
  pages.sort((a, b) => a.name.localeCompare(b.name));
  return pages.map((p) => ({ ...p, bytes: fs.statSync(p.path).size }));
}

/** Nearest-rank percentile (q in 0..1) of an array of numbers. */
export function percentile(values, q) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => percentile(values, 0.5);
export const sum = (values) => values.reduce((a, b) => a + b, 0);

export function markdownTable(headers, rows) {
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

export function cpuModel() {
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    return info.match(/^model name\s*:\s*(.+)$/m)?.[1].trim() ?? os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

export function machineLine() {
  return `${os.cpus().length} CPUs (nproc), ${cpuModel()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `${os.type()} ${os.release()}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)} at start`;
}

export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function mb(bytes) {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}
