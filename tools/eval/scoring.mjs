// Scoring rules shared by the eval commands. Pure functions, no I/O.

// ---------------------------------------------------------------- shingles (readability corpus)

/**
 * Word tokens: runs of Unicode letters, marks, digits and connector punctuation — Python's
 * Unicode `\w` (what the ScrapingHub article-extraction-benchmark uses), plus combining marks so
 * that Indic and similar scripts are not split inside words. Case is kept, as in that benchmark
 * (its IGNORECASE flag has no effect on `\w`).
 */
const TOKEN_RE = /[\p{L}\p{M}\p{N}\p{Pc}]+/gu;

export function tokenize(text) {
  return (text ?? '').match(TOKEN_RE) ?? [];
}

/** Multiset of n-word shingles as Map(key → count). A text shorter than n words is one shingle. */
export function shingles(text, n = 4) {
  const tokens = tokenize(text);
  const counts = new Map();
  const add = (key) => counts.set(key, (counts.get(key) ?? 0) + 1);
  if (tokens.length > 0 && tokens.length < n) add(tokens.join(' '));
  for (let i = 0; i + n <= tokens.length; i++) add(tokens.slice(i, i + n).join(' '));
  return counts;
}

/**
 * Shingle precision and recall of `predicted` against `expected` (multiset overlap, as the
 * ScrapingHub benchmark counts TP/FP/FN). Conventions: both empty → 1/1; nothing predicted
 * while something was expected → 0/0 (a page without output is a failure on both counts);
 * something predicted while nothing was expected → precision 0, recall 1.
 */
export function shinglePR(predicted, expected, n = 4) {
  const p = shingles(predicted, n);
  const e = shingles(expected, n);
  let tp = 0, fp = 0, fn = 0;
  for (const [key, pc] of p) {
    const ec = e.get(key) ?? 0;
    tp += Math.min(pc, ec);
    fp += Math.max(0, pc - ec);
  }
  for (const [key, ec] of e) fn += Math.max(0, ec - (p.get(key) ?? 0));
  const nothingExpected = tp + fn === 0;
  const nothingPredicted = tp + fp === 0;
  if (nothingExpected && nothingPredicted) return { precision: 1, recall: 1, tp, fp, fn };
  if (nothingPredicted) return { precision: 0, recall: 0, tp, fp, fn };
  if (nothingExpected) return { precision: 0, recall: 1, tp, fp, fn };
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), tp, fp, fn };
}

export function f1(p, r) {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

export function mean(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

// ---------------------------------------------------------------- words (wcxb corpus)

/** Multiset of the lower-cased text's word tokens, as Map(token → count). */
export function wordCounts(text) {
  const counts = new Map();
  for (const token of tokenize((text ?? '').toLowerCase())) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * WCXB's word-level scores of one page: tokens of the lower-cased texts as multisets;
 * precision = overlap / predicted tokens, recall = overlap / reference tokens, F1 = 2PR/(P+R).
 * Edge cases as shinglePR: both empty → 1/1/1; nothing predicted while the reference has text
 * → 0/0/0; text predicted where the reference is empty → precision 0, recall 1, F1 0.
 */
export function wordPRF(predicted, reference) {
  const p = wordCounts(predicted);
  const r = wordCounts(reference);
  let overlap = 0, predictedTotal = 0, referenceTotal = 0;
  for (const [token, count] of p) {
    predictedTotal += count;
    overlap += Math.min(count, r.get(token) ?? 0);
  }
  for (const count of r.values()) referenceTotal += count;
  const scores = (precision, recall) => ({ precision, recall, f1: f1(precision, recall), overlap, predictedTotal, referenceTotal });
  if (!predictedTotal && !referenceTotal) return scores(1, 1);
  if (!predictedTotal) return scores(0, 0);
  if (!referenceTotal) return scores(0, 1);
  return scores(overlap / predictedTotal, overlap / referenceTotal);
}

// ---------------------------------------------------------------- metadata

export const METADATA_FIELDS = ['title', 'byline', 'excerpt', 'siteName', 'lang'];

/** Whitespace runs collapsed and trimmed; null, undefined and "" are all "". */
export function normaliseField(value) {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\s+/g, ' ').trim();
}

/** { field: boolean } for each of METADATA_FIELDS. */
export function compareMetadata(actual, expected) {
  const result = {};
  for (const field of METADATA_FIELDS) {
    result[field] = normaliseField(actual?.[field]) === normaliseField(expected?.[field]);
  }
  return result;
}

// ---------------------------------------------------------------- snippets (trafilatura corpus)

/**
 * Whitespace runs to one space, and soft hyphens (U+00AD, invisible hyphenation hints that
 * some pages put inside every long word and readers may drop) removed.
 */
export function collapseWhitespace(text) {
  return (text ?? '').replace(/\u00ad/g, '').replace(/\s+/g, ' ');
}

/**
 * Snippet matching for one page: case-sensitive substring search after collapsing whitespace
 * runs to one space and removing soft hyphens in both. A present "with" snippet is a TP, a missing one an FN, a present
 * "without" snippet an FP; a missing "without" snippet is a TN.
 */
export function scoreSnippets(text, withSnippets, withoutSnippets) {
  const haystack = collapseWhitespace(text);
  const present = (s) => haystack.includes(collapseWhitespace(s).trim());
  const missing = withSnippets.filter((s) => !present(s));
  const leaked = withoutSnippets.filter((s) => present(s));
  return {
    tp: withSnippets.length - missing.length,
    fn: missing.length,
    fp: leaked.length,
    tn: withoutSnippets.length - leaked.length,
    missing,
    leaked,
  };
}

export function snippetTotals(pages) {
  const t = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const p of pages) for (const k of Object.keys(t)) t[k] += p[k];
  return {
    ...t,
    precision: t.tp + t.fp ? t.tp / (t.tp + t.fp) : 0,
    recall: t.tp + t.fn ? t.tp / (t.tp + t.fn) : 0,
    f: 2 * t.tp + t.fp + t.fn ? (2 * t.tp) / (2 * t.tp + t.fp + t.fn) : 0,
  };
}
