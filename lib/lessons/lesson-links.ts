// Where a link in a lesson goes. Lessons link to each other as
// [title](lesson:<id>); react-markdown's default URL transform would strip that
// unknown protocol, so this one maps it to /learn/<id> and otherwise keeps
// only the protocols a lesson may use. Pure: no framework or database imports.

const LESSON_PROTOCOL = "lesson:";
const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SAFE_PROTOCOLS = new Set(["http", "https", "mailto"]);

/** The page of a lesson. */
export function lessonPath(lessonId: string): string {
  return `/learn/${lessonId}`;
}

/** The href a lesson's link renders with; "" for a link that must not be followed. */
export function lessonUrlTransform(url: string): string {
  const value = url.trim();
  if (value.toLowerCase().startsWith(LESSON_PROTOCOL)) {
    const [id = "", hash] = value.slice(LESSON_PROTOCOL.length).split("#", 2);
    if (!LESSON_ID.test(id)) return "";
    return hash && /^[\w-]+$/.test(hash) ? `${lessonPath(id)}#${hash}` : lessonPath(id);
  }
  // Relative URLs (no colon before the first /, ? or #) are safe as they are.
  const colon = value.indexOf(":");
  const firstDelimiter = value.search(/[/?#]/);
  if (colon === -1 || (firstDelimiter !== -1 && colon > firstDelimiter)) return value;
  return SAFE_PROTOCOLS.has(value.slice(0, colon).toLowerCase()) ? value : "";
}
