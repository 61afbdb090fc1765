/* Small helpers for text and numbers, shared by the form and the result page.
 *
 * Offsets in the report count Unicode code points; JavaScript strings count UTF-16 units, so
 * lengths and positions are taken in code points (Array.from).
 */

export function codePointLength(text) {
  return Array.from(text).length;
}

export function germanNumber(number) {
  return number.toLocaleString("de-DE");
}

// Whether two findings ({offset, length}) touch the same text. An empty finding (an insertion
// point) overlaps another only strictly inside it, or at the same point.
export function overlaps(a, b) {
  const aEnd = a.offset + a.length;
  const bEnd = b.offset + b.length;
  if (a.length === 0 && b.length === 0) {
    return a.offset === b.offset;
  }
  if (a.length === 0) {
    return b.offset < a.offset && a.offset < bEnd;
  }
  if (b.length === 0) {
    return a.offset < b.offset && b.offset < aEnd;
  }
  return Math.max(a.offset, b.offset) < Math.min(aEnd, bEnd);
}
