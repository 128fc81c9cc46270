// "Always open reader on <site>" (issue 21): the sites whose pages open in the reader by
// themselves, a list of hosts in storage.sync (storage.local where sync is unavailable). A site
// is on the list only once its host permission was granted (the reader asks for it at the
// click, through `optional_host_permissions`); the background registers one content script,
// auto-open.js, for the listed hosts it holds the permission for, so no other page wakes it.
// The background, the reader page (lazily) and the options page share this module.

import './protocol.js';

const api = globalThis.browser ?? globalThis.chrome;
const { StorageKeys, withSyncedArea, autoOpenOrigins } = globalThis.lecternProtocol;
const KEY = StorageKeys.AUTO_OPEN_SITES;

/** At most this many sites (one storage.sync item holds at most 8 KB). */
export const MAX_SITES = 200;

/** The host a page's address opens under (http and https pages only), or null. */
export function hostOfPage(url) {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return autoOpenOrigins(hostname.toLowerCase()) ? hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** The listed hosts, sorted (whatever storage holds that is not a host is ignored). */
export async function autoOpenSites() {
  const stored = (await withSyncedArea((area) => area.get(KEY)))?.[KEY];
  return Array.isArray(stored) ? [...new Set(stored.filter((h) => autoOpenOrigins(h)))].sort() : [];
}

/** Puts `host` on the list or takes it off; the permission is the caller's to ask for. */
export async function setAutoOpen(host, on) {
  if (!autoOpenOrigins(host)) throw new Error(`not a host name: ${host}`);
  const sites = new Set(await autoOpenSites());
  if (on) {
    if (!sites.has(host) && sites.size >= MAX_SITES) throw new Error(`at most ${MAX_SITES} sites open in the reader by themselves`);
    sites.add(host);
  } else {
    sites.delete(host);
  }
  await withSyncedArea((area) => area.set({ [KEY]: [...sites].sort() }));
}

/** Takes `host` off the list and gives back its host permission. */
export async function stopAutoOpen(host) {
  await setAutoOpen(host, false);
  const origins = autoOpenOrigins(host);
  if (origins && api.permissions) await api.permissions.remove(origins).catch(() => false);
}

/**
 * Whether `host` is listed and its permission still held (a person may revoke it elsewhere;
 * where this context cannot tell, as in Firefox's extension frames, the list says).
 */
export async function isAutoOpen(host) {
  const origins = autoOpenOrigins(host);
  if (!origins || !(await autoOpenSites()).includes(host)) return false;
  return api.permissions ? api.permissions.contains(origins) : true;
}

/** The listed hosts whose permission is held: those the content script is registered for. */
export async function grantedAutoOpenSites() {
  const sites = await autoOpenSites();
  const held = await Promise.all(sites.map((host) => api.permissions.contains(autoOpenOrigins(host)).catch(() => false)));
  return sites.filter((_, i) => held[i]);
}

/** Calls `callback` when the list changes (in either storage area). */
export function onAutoOpenChanged(callback) {
  api.storage.onChanged.addListener((changes) => {
    if (KEY in changes) callback();
  });
}
