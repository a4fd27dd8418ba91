/**
 * JSON for a `<script type="application/json">` element. Sheet text is untrusted and a raw JSON string
 * may contain "</script>" or "<!--", which would end or alter the element; escaping "<", ">" and "&" as
 * \u003c \u003e \u0026 (and the JS line separators) keeps the text inside the element and parses back to
 * the same value with JSON.parse.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
