// The shared corpora's page lists: each page has an `id` (a safe file name), a `name` (what
// the split and the reports call it) and the paths of its HTML. No scoring here.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const CORPORA = ['readability', 'trafilatura', 'wcxb'];

/** Ids become file names: keep them to a safe alphabet, unique. */
export function safeIds(names) {
  const seen = new Set();
  return names.map((name) => {
    let id = name.replace(/\.html?$/i, '').replace(/[^A-Za-z0-9_-]/g, '_');
    while (seen.has(id)) id += '_';
    seen.add(id);
    return id;
  });
}

/** readability/: one folder per page (its name is the page's name) with source.html. */
export function listReadabilityPages(dir) {
  const names = fs.readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'source.html')))
    .sort();
  const ids = safeIds(names);
  return names.map((name, i) => ({
    id: ids[i],
    name,
    path: path.join(dir, name, 'source.html'),
    expectedHtml: path.join(dir, name, 'expected.html'),
    expectedMeta: JSON.parse(fs.readFileSync(path.join(dir, name, 'expected-metadata.json'), 'utf8')),
  }));
}

/** trafilatura/: evaldata.json maps URL → { file, with, without }; the page's name is `file`. */
export function listTrafilaturaPages(dir) {
  const data = JSON.parse(fs.readFileSync(path.join(dir, 'evaldata.json'), 'utf8'));
  const entries = Object.entries(data)
    .filter(([, v]) => fs.existsSync(path.join(dir, 'pages', v.file)))
    .sort(([, a], [, b]) => a.file.localeCompare(b.file));
  const ids = safeIds(entries.map(([, v]) => v.file));
  return entries.map(([url, v], i) => ({
    id: ids[i], name: v.file, url, path: path.join(dir, 'pages', v.file),
    with: v.with ?? [], without: v.without ?? [],
  }));
}

/**
 * wcxb-dev/: html/NNNN.html.gz and ground-truth/NNNN.json; the page's name is the file id
 * (`0001`). `gz` is the compressed page: `decompressPages` gives each page a `path`.
 */
export function listWcxbPages(dir) {
  const ids = fs.readdirSync(path.join(dir, 'ground-truth'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .filter((id) => fs.existsSync(path.join(dir, 'html', `${id}.html.gz`)))
    .sort();
  return ids.map((id) => {
    const truth = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth', `${id}.json`), 'utf8'));
    const gt = truth.ground_truth ?? {};
    return {
      id, name: id, url: truth.url, type: truth._internal?.page_type?.primary ?? 'unknown',
      gz: path.join(dir, 'html', `${id}.html.gz`),
      reference: gt.main_content ?? '', with: gt.with ?? [], without: gt.without ?? [],
    };
  });
}

/** Writes each page's decompressed bytes to DIR/<id>.html (emptied first) and sets `path`. */
export function decompressPages(pages, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const page of pages) {
    page.path = path.join(dir, `${page.id}.html`);
    fs.writeFileSync(page.path, zlib.gunzipSync(fs.readFileSync(page.gz)));
  }
  return pages;
}

export function listPages(corpus, dir) {
  if (corpus === 'readability') return listReadabilityPages(dir);
  if (corpus === 'trafilatura') return listTrafilaturaPages(dir);
  if (corpus === 'wcxb') return listWcxbPages(dir);
  throw new Error(`unknown corpus ${corpus} (${CORPORA.join(', ')})`);
}
