// The name other people see for a person. Never their e-mail: pages, feeds and exports of public spaces are
// read by anyone, and an address is not a name someone chose to show.
export const unnamed = "someone without a display name";

export function publicName(user: { name: string | null }): string {
  const name = user.name?.trim();
  return name ? name : unnamed;
}
