// Site rules in extension storage (docs/site-rules.md): storage.sync (storage.local where sync
// is unavailable), one item per site, `siteRules:<host>` → [{ action, signature }], since sync
// allows only 8 KB an item. The background, the reader page and the options page share this
// module; the engine reads the rules as a rules file (`fileFor`), and checks imported ones.

import './protocol.js';

const api = globalThis.browser ?? globalThis.chrome;
const PREFIX = globalThis.lecternProtocol.StorageKeys.SITE_RULES_PREFIX;
export const FORMAT = 'lectern-site-rules';
export const VERSION = 1;

const withArea = globalThis.lecternProtocol.withSyncedArea;

/** The site a page address belongs to, as rules name it: its host without `www.`. */
export function siteOf(url) {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Every rule, as a rules file object. */
export async function allRules() {
  const items = await withArea((area) => area.get(null));
  const rules = [];
  for (const [key, list] of Object.entries(items ?? {})) {
    if (!key.startsWith(PREFIX) || !Array.isArray(list)) continue;
    const host = key.slice(PREFIX.length);
    for (const { action, signature } of list) rules.push({ host, action, signature });
  }
  rules.sort((a, b) => a.host.localeCompare(b.host));
  return { format: FORMAT, version: VERSION, rules };
}

/** The rules file (text) for pages at `url`, or null when its site has none. */
export async function fileFor(url) {
  const host = siteOf(url);
  if (!host) return null;
  const key = PREFIX + host;
  const list = (await withArea((area) => area.get(key)))?.[key];
  if (!Array.isArray(list) || !list.length) return null;
  return JSON.stringify({ format: FORMAT, version: VERSION, rules: list.map(({ action, signature }) => ({ host, action, signature })) });
}

/** Adds (or turns round) the rule for the block `signature` on `host`. */
export async function addRule(host, action, signature) {
  const key = PREFIX + host;
  await withArea(async (area) => {
    const list = (await area.get(key))?.[key];
    const next = (Array.isArray(list) ? list : []).filter((r) => r.signature !== signature);
    next.push({ action, signature });
    await area.set({ [key]: next });
  });
}

/** Deletes one rule. */
export async function deleteRule(host, signature) {
  const key = PREFIX + host;
  await withArea(async (area) => {
    const list = (await area.get(key))?.[key];
    const next = (Array.isArray(list) ? list : []).filter((r) => r.signature !== signature);
    if (next.length) await area.set({ [key]: next });
    else await area.remove(key);
  });
}

/** Deletes every rule. */
export async function deleteAll() {
  await withArea(async (area) => {
    const keys = Object.keys((await area.get(null)) ?? {}).filter((k) => k.startsWith(PREFIX));
    if (keys.length) await area.remove(keys);
  });
}

/**
 * Adds the rules of a rules file object (already checked by the engine) to the stored ones,
 * all in one write: a rule for a block that has one already replaces it.
 */
export async function importRules(file) {
  await withArea(async (area) => {
    const stored = (await area.get(null)) ?? {};
    const changed = {};
    for (const { host, action, signature } of file.rules) {
      const site = host.toLowerCase().replace(/^www\./, '');
      const key = PREFIX + site;
      const list = changed[key] ?? (Array.isArray(stored[key]) ? stored[key] : []);
      changed[key] = [...list.filter((r) => r.signature !== signature), { action, signature }];
    }
    await area.set(changed);
  });
}

/** Calls `callback` when rules change (here or in another of the extension's pages). */
export function onRulesChanged(callback) {
  api.storage.onChanged.addListener((changes) => {
    if (Object.keys(changes).some((k) => k.startsWith(PREFIX))) callback();
  });
}
