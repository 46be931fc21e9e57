/** Text and attribute values written into HTML by hand (everything else goes through Lit). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON inside `<script type="application/json">`: `<` is escaped so that no value (a listing
 * title such as `</script><script>…`) can close the element; U+2028/2029 for old parsers.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
