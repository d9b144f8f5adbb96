// How a public key that arrived with an archive is told apart from this instance's own: its private half is not
// here, and the row says where it is kept. Pure, so the importer, the sequencer and /.well-known agree on it.

const SUFFIX = " (imported)";

/** The private_key column of an origin's key imported with an archive: never loaded as this instance's key. */
export const importedKeyMarker = (instance: string): string => `kept in ${instance}${SUFFIX}`;

/** The SQL LIKE pattern of importedKeyMarker, for queries that keep to this instance's own keys. */
export const importedKeyPattern = `kept in %${SUFFIX}`;

/** The origin instance an imported key belongs to, or null for one of this instance's own keys. */
export function importedKeyOrigin(privateKey: string): string | null {
  return privateKey.startsWith("kept in ") && privateKey.endsWith(SUFFIX) ? privateKey.slice("kept in ".length, -SUFFIX.length) : null;
}
