// Marks on an incident's source in the popup: published by the extractor without review
// (a live source's auto-publish) and sample content (the local stack's fictional sample feed).
// Words kept here, beside the marks, in the page's two languages.
const WORDS = {
  en: { machineExtracted: 'machine-extracted, not reviewed', sample: 'sample, fictional' },
  uk: { machineExtracted: 'видобуто автоматично, без перевірки', sample: 'зразок, вигадане' }
};

// Styled here rather than in map.css, so the shared stylesheet stays as it is.
const STYLE = 'background:#fde68a;color:#5c4300;border-radius:3px;padding:0 4px;font-size:11px;white-space:nowrap';
const esc = s => String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** HTML of the source's marks (empty when it has none), in the page's language {@code lang}. */
export function sourceMarks(source, lang) {
  const words = WORDS[lang] || WORDS.en;
  const marks = [];
  if (source.sample) marks.push(`<span class="source-mark sample" style="${STYLE}">${esc(words.sample)}</span>`);
  if (source.machineExtracted) marks.push(`<span class="source-mark machine-extracted" style="${STYLE}">${esc(words.machineExtracted)}</span>`);
  return marks.join(' ');
}
