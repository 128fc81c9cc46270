// "Read aloud" (issue 22): the article spoken by the browser's own speech engine (the Web Speech
// API, nothing sent anywhere), a sentence at a time, the sentence and the word being read
// highlighted with the CSS Custom Highlight API (names `lectern-sentence` and `lectern-word`),
// so the article's DOM is not rewritten; where the browser lacks it, with <mark> elements put in
// and taken out again. Loaded by the reader (reader.js) when reading starts, with the engine's
// speech module (lectern_speech_bg.wasm), which cuts the blocks into sentences.
//
// The article's blocks: each text node belongs to its nearest block element (paragraph,
// heading, list item, …); a block's text is its text nodes' text, joined as they stand, so the
// engine's UTF-16 offsets in it are offsets into those nodes and make DOM ranges directly.

/** The elements whose text is one block to speak. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, dt, dd, blockquote, pre, figcaption, caption, td, th';
/** What is not read: the reader's own controls in the article, and what is not text. */
const SKIPPED = 'button, .lectern-block-tools, .lectern-user-removed, .lectern-image-placeholder, script, style, template, math, svg, '
  + '[hidden], [aria-hidden="true"], sup > a[href^="#"], a[role~="doc-noteref"], a[role~="doc-backlink"]';
/** Keyboard shortcuts inside the reader (documented in the README; aria-keyshortcuts). */
export const SHORTCUTS = Object.freeze({ playPause: 'Alt+Shift+P', previous: 'Alt+Shift+ArrowUp', next: 'Alt+Shift+ArrowDown' });

/** Text nodes under `root` that are read, in document order, with their block element. */
function readTexts(root, body) {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */, {
    acceptNode: (node) => (node.parentElement?.closest(SKIPPED) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  const out = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.data) out.push({ node, element: node.parentElement.closest(BLOCKS) ?? body });
  }
  return out;
}

/** Runs of consecutive text nodes of one block element: [{ element, text, nodes: [{ node, at }] }]. */
function runs(texts) {
  const out = [];
  for (const { node, element } of texts) {
    let run = out[out.length - 1];
    if (!run || run.element !== element) {
      run = { element, text: '', nodes: [] };
      out.push(run);
    }
    run.nodes.push({ node, at: run.text.length });
    run.text += node.data;
  }
  return out;
}

/**
 * The blocks of `body` to speak, in reading order: [{ element, run, text, nodes: [{ node, at }] }],
 * `at` the node's first offset in the block's text. A block interrupted by another (a list in a
 * list item) goes on as a new block of the same element, its `run` the count before it.
 */
export function speechBlocks(body) {
  const seen = new Map();
  return runs(readTexts(body, body)).map((block) => {
    const run = seen.get(block.element) ?? 0;
    seen.set(block.element, run + 1);
    return { ...block, run };
  }).filter((b) => b.text.trim());
}

/**
 * `block`'s text nodes as they are now (the <mark> fallback splits and wraps them; the text is
 * the same, so the engine's offsets still hold).
 */
function currentNodes(block, body) {
  // The element's runs, counted as speechBlocks counted them (an inner block splits them).
  let n = -1;
  for (const run of runs(readTexts(block.element, body))) {
    if (run.element === block.element && ++n === block.run) return run;
  }
  return block;
}

/** A DOM range over `block`'s text from `start` to `end` (UTF-16 offsets). */
export function blockRange(doc, block, start, end) {
  const place = (offset, isEnd) => {
    for (let i = 0; i < block.nodes.length; i++) {
      const { node, at } = block.nodes[i];
      const next = block.nodes[i + 1]?.at ?? Infinity;
      if (offset < next || (isEnd && offset === next) || i === block.nodes.length - 1) {
        return [node, Math.min(Math.max(offset - at, 0), node.data.length)];
      }
    }
    return null;
  };
  const range = doc.createRange();
  const from = place(start, false);
  const to = place(end, true);
  if (!from || !to) return null;
  range.setStart(...from);
  range.setEnd(...to);
  return range;
}

/**
 * The highlighter: the CSS Custom Highlight API where the browser has it, else <mark> elements
 * wrapped around the range's text nodes and unwrapped before the next highlight.
 */
function highlighter(doc) {
  const win = doc.defaultView;
  const api = win.CSS?.highlights && typeof win.Highlight === 'function';
  const marks = { 'lectern-sentence': [], 'lectern-word': [] };
  const unmark = (name) => {
    for (const mark of marks[name].splice(0)) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      parent.normalize();
    }
  };
  const mark = (name, range) => {
    const texts = [];
    const walker = doc.createTreeWalker(range.commonAncestorContainer.nodeType === 3 ? range.commonAncestorContainer.parentNode : range.commonAncestorContainer, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (range.intersectsNode(node)) texts.push(node);
    for (const node of texts) {
      let target = node;
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      if (end <= start) continue;
      if (end < target.data.length) target.splitText(end);
      if (start > 0) target = target.splitText(start);
      const m = doc.createElement('mark');
      m.className = name;
      target.replaceWith(m);
      m.append(target);
      marks[name].push(m);
    }
  };
  return {
    usesApi: Boolean(api),
    set(name, range) {
      if (api) {
        if (range) win.CSS.highlights.set(name, new win.Highlight(range));
        else win.CSS.highlights.delete(name);
        return;
      }
      unmark(name);
      if (range) mark(name, range);
    },
    clear() {
      this.set('lectern-word', null);
      this.set('lectern-sentence', null);
    },
  };
}

/**
 * The player. `body()` gives the article element shown; `lang()` its language; `settings` and
 * `update` the reader's settings (speechRate, one of `rates`, and speechVoice, a voiceURI);
 * `sentencesOf(texts, lang)` the engine's speech module; `say(text)` the reader's status line;
 * `bar` where the player goes.
 */
export function createReadAloud({ doc, bar, el, t, rates, body, lang, settings, update, sentencesOf, say, onStop }) {
  const win = doc.defaultView;
  const synth = win.speechSynthesis;
  const marks = highlighter(doc);
  const motion = () => (win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

  const pauseButton = el('button', { type: 'button', class: 'lectern-button', 'aria-keyshortcuts': SHORTCUTS.playPause, text: t('pause') });
  const previousButton = el('button', { type: 'button', class: 'lectern-button', 'aria-keyshortcuts': SHORTCUTS.previous, text: t('previousSentence') });
  const nextButton = el('button', { type: 'button', class: 'lectern-button', 'aria-keyshortcuts': SHORTCUTS.next, text: t('nextSentence') });
  const stopButton = el('button', { type: 'button', class: 'lectern-button', text: t('stopReading') });
  const ids = `lectern-player-${Math.random().toString(36).slice(2)}`;
  const rateSelect = el('select', { class: 'lectern-select', id: `${ids}-rate` },
    ...rates.map((rate) => el('option', { value: String(rate), text: t('rateValue', String(rate)) })));
  const voiceSelect = el('select', { class: 'lectern-select', id: `${ids}-voice` });
  // The label beside its select, not around it: the select's name is the label's text alone.
  const label = (text, control) => el('span', { class: 'lectern-player-field' }, el('label', { for: control.id, text }), control);
  const player = el('div', { class: 'lectern-player', role: 'toolbar', 'aria-label': t('readAloud'), hidden: true },
    pauseButton, previousButton, nextButton, label(t('readingSpeed'), rateSelect), label(t('voice'), voiceSelect), stopButton);
  bar.append(player);

  let sentences = [];
  let index = 0;
  let playing = false;
  let token = 0;
  let blocks = [];

  // ---- voices: the article's language first; the system default where none --------------------
  function fillVoices() {
    const voices = synth?.getVoices?.() ?? [];
    const want = (lang() || '').toLowerCase().split('-')[0];
    const ours = voices.filter((v) => want && v.lang.toLowerCase().split(/[-_]/)[0] === want);
    const others = voices.filter((v) => !ours.includes(v));
    const option = (v) => el('option', { value: v.voiceURI, text: `${v.name} (${v.lang})` });
    voiceSelect.replaceChildren(el('option', { value: '', text: t('voiceDefault') }), ...ours.map(option),
      ...(others.length ? [el('optgroup', { label: t('voiceOtherLanguages') }, ...others.map(option))] : []));
    const chosen = settings().speechVoice;
    voiceSelect.value = voices.some((v) => v.voiceURI === chosen) ? chosen : (ours[0]?.voiceURI ?? '');
  }
  synth?.addEventListener?.('voiceschanged', fillVoices);
  const voice = () => (synth?.getVoices?.() ?? []).find((v) => v.voiceURI === voiceSelect.value) ?? null;

  rateSelect.addEventListener('change', () => {
    update({ speechRate: Number(rateSelect.value) });
    if (playing) speak(index); // the new speed from this sentence on
  });
  voiceSelect.addEventListener('change', () => {
    update({ speechVoice: voiceSelect.value });
    if (playing) speak(index);
  });

  // ---- speaking ---------------------------------------------------------------------------------
  /** A range over `block`'s text (the article as it is now, with the fallback's marks). */
  const rangeIn = (block, start, end) => blockRange(doc, marks.usesApi ? block : currentNodes(block, body()), start, end);

  function show(i) {
    const s = sentences[i];
    marks.set('lectern-word', null);
    marks.set('lectern-sentence', null);
    const range = s ? rangeIn(s.block, s.start, s.end) : null;
    marks.set('lectern-sentence', range);
    if (!range) return;
    const rect = (marks.usesApi ? range : rangeIn(s.block, s.start, s.end)).getBoundingClientRect();
    const view = win.innerHeight;
    if (rect.top < 0 || rect.bottom > view) s.block.element.scrollIntoView({ block: 'center', behavior: motion() });
  }

  function speak(i) {
    const mine = ++token;
    synth.cancel();
    if (i < 0 || i >= sentences.length) {
      finish();
      return;
    }
    index = i;
    playing = true;
    reflect();
    const s = sentences[i];
    show(i);
    const utterance = new win.SpeechSynthesisUtterance(s.block.text.slice(s.start, s.end));
    utterance.lang = lang() || '';
    utterance.rate = settings().speechRate;
    const v = voice();
    if (v) utterance.voice = v;
    utterance.addEventListener('boundary', (event) => {
      if (mine !== token || event.name !== 'word') return;
      const from = s.start + event.charIndex;
      let to = event.charLength > 0 ? from + event.charLength : -1;
      if (to < 0) {
        const rest = s.block.text.slice(from, s.end).match(/^[\p{L}\p{M}\p{N}'’-]+/u);
        to = from + (rest?.[0].length ?? 0);
      }
      marks.set('lectern-word', null);
      marks.set('lectern-word', to > from ? rangeIn(s.block, from, Math.min(to, s.end)) : null);
    });
    utterance.addEventListener('end', () => {
      if (mine === token && playing) speak(index + 1);
    });
    utterance.addEventListener('error', (event) => {
      if (mine !== token || event.error === 'interrupted' || event.error === 'canceled') return;
      say(t('readAloudFailed', event.error || ''));
      stop();
    });
    synth.speak(utterance);
  }

  function reflect() {
    pauseButton.textContent = playing ? t('pause') : t('resume');
    previousButton.disabled = index <= 0;
    nextButton.disabled = index >= sentences.length - 1;
  }

  function finish() {
    playing = false;
    marks.clear();
    player.hidden = true;
    onStop?.();
  }

  /** Stops and forgets: the highlight goes, the player closes. */
  function stop() {
    token++;
    playing = false;
    synth?.cancel();
    finish();
  }

  // Pause keeps the place: the sentence is spoken again from its start on Resume (the engines'
  // own pause is unreliable on Linux, and a resumed utterance loses its word boundaries).
  function pause() {
    token++;
    playing = false;
    synth.cancel();
    reflect();
  }

  pauseButton.addEventListener('click', () => (playing ? pause() : speak(index)));
  previousButton.addEventListener('click', () => speak(Math.max(0, index - 1)));
  nextButton.addEventListener('click', () => speak(Math.min(sentences.length - 1, index + 1)));
  stopButton.addEventListener('click', () => {
    stop();
    say(t('readingStopped'));
  });

  return {
    player,
    get active() { return !player.hidden; },
    get playing() { return playing; },
    /** Starts reading the article shown: from the top, or from the block `from` is in. */
    async start(from) {
      if (!synth || typeof win.SpeechSynthesisUtterance !== 'function') {
        say(t('readAloudUnavailable'));
        return;
      }
      const article = body();
      if (!article) return;
      blocks = speechBlocks(article);
      const found = await sentencesOf(blocks.map((b) => b.text), lang() || '');
      if (body() !== article) return;
      sentences = found.map((s) => ({ ...s, block: blocks[s.block] })).filter((s) => s.block);
      if (!sentences.length) {
        say(t('readAloudNothing'));
        return;
      }
      const startBlock = from ? blocks.findIndex((b) => b.element === from || b.element.contains(from) || from.contains(b.element)) : -1;
      const first = startBlock >= 0 ? sentences.findIndex((s) => blocks.indexOf(s.block) >= startBlock) : 0;
      rateSelect.value = String(settings().speechRate);
      fillVoices();
      player.hidden = false;
      speak(Math.max(0, first));
      pauseButton.focus();
    },
    stop,
    toggle() { if (!player.hidden) (playing ? pause() : speak(index)); },
    next() { if (!player.hidden) speak(Math.min(sentences.length - 1, index + 1)); },
    previous() { if (!player.hidden) speak(Math.max(0, index - 1)); },
  };
}
