// Escapes text for HTML element content and quoted attribute values.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Everything taken from a PDF goes through here before it reaches the page, so a draft that
 * contains `<script>` or `<img onerror=...>` shows those characters instead of running them.
 * Safe in element content and in double- or single-quoted attributes (never in unquoted ones,
 * URLs, scripts or styles: the report puts PDF text in none of those).
 * Example: `a <b title="x">&amp;` -> `a &lt;b title=&quot;x&quot;&gt;&amp;amp;`.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
