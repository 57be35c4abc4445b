/**
 * Escaping for XML and HTML text and attributes, shared by the TEI export and the charts.
 */

// Characters XML 1.0 cannot carry at all, not even as character references:
// C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF; lone surrogates.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes text for XML character data and attribute values: `& < > " '`
 * become entity references; characters XML 1.0 cannot carry (control
 * characters, lone surrogates) become U+FFFD.
 * @example escapeXml(`<script>&"'`) // => '&lt;script&gt;&amp;&quot;&apos;'
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/gu, (c) => XML_ENTITIES[c]!);
}
