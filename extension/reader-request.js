// The reader page's first step, loaded on its own (an async module in reader.html's head):
// it asks the background for the article the moment the reader page starts, while the
// renderer's modules and style sheet are still loading, so their loading and the extraction
// overlap. reader-page.js imports the same module instance and awaits the answer.

const api = globalThis.browser ?? globalThis.chrome;

/** The background's answer to `lectern:get-article` (see background.js's articleFor). */
export const articleRequest = api.runtime.sendMessage({ type: 'lectern:get-article' });
// Settled later by reader-page.js; until then a failure is not "unhandled".
articleRequest.catch(() => {});
