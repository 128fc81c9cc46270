// A ~1 MB news page: the seed-like story followed by a long comment thread.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './paths.mjs';

export function largeNewsPage(targetBytes = 1024 * 1024) {
  const page = readFileSync(join(FIXTURES, 'news.html'), 'utf8');
  const comments = [];
  let size = page.length;
  for (let i = 0; size < targetBytes; i++) {
    const comment = `<li class="comment" id="comment-${i}"><div class="comment-meta"><span class="fn">Reader ${i}</span> <time>July 25, 2025 at ${i % 24}:00</time></div><div class="comment-content"><p>Comment number ${i}: I have been following this story for a while and I think the talks will resume soon, but nobody really knows.</p></div><a class="reply" href="#reply-${i}">Reply</a></li>\n`;
    comments.push(comment);
    size += comment.length;
  }
  return page.replace('<div id="respond"', `<ol class="comment-list">\n${comments.join('')}</ol>\n<div id="respond"`);
}
