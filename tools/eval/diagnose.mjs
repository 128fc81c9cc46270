// Why a page scores badly: the eval's --diagnose option. Pure functions over texts the caller
// has produced (ours, the reference, the whole-document text, the --explain removals).

import { collapseWhitespace } from './scoring.mjs';

const blocksOf = (text) => (text ?? '').split(/\n\s*\n/).map((b) => collapseWhitespace(b).trim()).filter(Boolean);

/** The blocks of `a` not matched by a block of `b` (as multisets: a repeated block counts each time). */
function unmatched(a, b) {
  const left = new Map();
  for (const block of b) left.set(block, (left.get(block) ?? 0) + 1);
  return a.filter((block) => {
    const n = left.get(block) ?? 0;
    if (n > 0) left.set(block, n - 1);
    return n === 0;
  });
}

/** Readability corpus: blocks of the reference missing from ours, and ours not in the reference. */
export function blockDiff(ours, expected) {
  const o = blocksOf(ours);
  const e = blocksOf(expected);
  return { missing: unmatched(e, o), extra: unmatched(o, e) };
}

/**
 * Trafilatura corpus: where a missing "with" snippet is, relative to what we kept.
 *   ours: our text; whole: `--whole-document` text of the page (after the global preparation);
 *   meta: our JSON output (title, excerpt, removed[]) or null; pageHasTp: any snippet found.
 */
export function classifyMissing(snippet, { ours, whole, meta, pageHasTp }) {
  const s = collapseWhitespace(snippet).trim();
  if (ours === null) return 'no article';
  if (meta && collapseWhitespace(meta.title).includes(s)) return 'in our title only (heading that repeats the title dropped)';
  const inWhole = collapseWhitespace(whole).includes(s);
  if (meta && collapseWhitespace(meta.excerpt).includes(s)) {
    return inWhole ? 'in our excerpt but not our text (lead/standfirst outside the article)' : 'in our excerpt (meta description) only';
  }
  if (!inWhole) return 'not in the whole-document text (removed by preparation, or not in the body)';
  const removal = meta?.removed?.find((r) => collapseWhitespace(r.preview).includes(s.slice(0, 30)));
  if (removal) return `removed by ${removal.stage}/${removal.rule}`;
  if (!pageHasTp) return 'wrong block (none of the page\'s snippets found)';
  const text = collapseWhitespace(ours).trim();
  const w = collapseWhitespace(whole);
  const start = w.indexOf(text.slice(0, 40));
  const tail = text.slice(-40);
  const end = w.lastIndexOf(tail);
  const at = w.indexOf(s);
  if (start < 0 || end < 0) return 'outside our article (position unknown)';
  if (at < start) return 'above our article (lead, intro or first section missed)';
  if (at > end + tail.length) return 'below our article (last section missed)';
  return 'inside our article\'s span but dropped (cleaning; preview not matched)';
}

/** Trafilatura corpus: where a leaked "without" snippet sits in our text. */
export function classifyLeak(snippet, ours) {
  const s = collapseWhitespace(snippet).trim();
  const blocks = blocksOf(ours);
  const i = blocks.findIndex((b) => b.includes(s));
  if (i < 0) return 'spans blocks';
  if (i === 0) return 'first block';
  if (i >= blocks.length - 3) return 'last 3 blocks';
  return 'middle';
}

/** Counts → markdown rows sorted by count, with up to `examples` examples each. */
export function tally(items, examples = 3) {
  const groups = new Map();
  for (const { key, example } of items) {
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(example);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length)
    .map(([key, list]) => [list.length, key, list.slice(0, examples).join('; ')]);
}
