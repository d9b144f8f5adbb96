// Parser messages made into sentences that say what they are about, for the release rules and the release form.

/**
 * One sentence that names what a parser's message is about in words ("For the artifact “weights”, the digest …"),
 * never by a component id or a field path: the field path only says where the form shows it.
 */
export function regarding(what: string, message: string): string {
  // Lower the first letter only of an ordinary word ("The" -> "the"), not of a name or acronym ("SHA-256", "MIT").
  const rest = /^[A-Z](?:[a-z]|\s)/.test(message) ? message[0]!.toLowerCase() + message.slice(1) : message;
  return `For ${what}, ${rest}`;
}
