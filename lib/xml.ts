/**
 * Text for XML 1.0 documents (the Atom feed). Staff text can hold characters XML forbids (a NUL or an
 * escape pasted from a terminal, half of an emoji cut by a copy): one of them makes the whole document
 * malformed, and a strict feed reader then shows nothing at all.
 */

// Forbidden or discouraged in XML 1.0: C0 controls but tab, line feed and carriage return; DEL and the
// C1 controls; the two non-characters U+FFFE and U+FFFF.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;
// Half of a surrogate pair is no character at all; the replacement character marks where it was.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with what XML cannot carry removed, line breaks as line feeds. */
export function xmlSafeText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(CONTROLS, "").replace(LONE_SURROGATE, "\ufffd");
}

/** Text or an attribute value for an XML document: made safe, then escaped. */
export function escapeXml(value: string): string {
  return xmlSafeText(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
