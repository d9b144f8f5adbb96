// A space made for one test through the app's own API (so every write is authorized and on the record),
// and the steps a test takes to set it up: members, charter amendments, releases in review.
import { expect } from "@playwright/test";
import type { Person } from "./people";

export type Role = "owner" | "steward" | "member" | "auditor";
type Artifact = { name: string; kind: string; digest: string };
type Component = { component: string; included: boolean; license?: string };
export type ReleaseInput = { modelName: string; version: string; artifacts: Artifact[]; components?: Component[] };
// The charter as GET /api/v1/spaces/{slug}/charter returns it; amendments change the fields they need.
type Charter = Awaited<ReturnType<Person["api"]["get"]>>;

export const digestOf = (c: string) => `sha256:${c.repeat(64 / c.length)}`;

export type SpaceOptions = { slug: string; name: string; visibility?: "public" | "private"; description?: string };

export class Space {
  constructor(
    readonly owner: Person,
    readonly slug: string,
    readonly name: string,
  ) {}

  /** The space's page, or one under it: space.path("members") is /s/<slug>/members. */
  path(sub = "") {
    return sub ? `/s/${this.slug}/${sub}` : `/s/${this.slug}`;
  }

  /** Adds someone who has signed in once, by e-mail, as the owner would through the API. */
  async addMember(person: Person, role: Exclude<Role, "owner">) {
    const added = await this.owner.api.send("post", `/api/v1/spaces/${this.slug}/members`, { email: person.email, role });
    expect(added.status(), `adding ${person.login} as ${role}`).toBe(201);
  }

  /** Amends the charter as the owner: `change` edits the current charter in place. */
  async amendCharter(reason: string, change: (charter: Charter) => void) {
    const current = await this.owner.api.get(`/api/v1/spaces/${this.slug}/charter`);
    change(current.charter);
    const amended = await this.owner.api.send("put", `/api/v1/spaces/${this.slug}/charter`, { charter: current.charter, reason, basedOnVersion: current.version });
    expect(amended.status(), `amending the charter: ${reason}`).toBe(200);
  }

  /** Proposes a release as `by` (the owner unless said), a draft; returns its id. */
  async proposeRelease(input: ReleaseInput, by: Person = this.owner): Promise<string> {
    const release = await by.api.post(`/api/v1/spaces/${this.slug}/releases`, input);
    return release.id as string;
  }

  /** Proposes a release and sends it for review. */
  async releaseInReview(input: ReleaseInput, by: Person = this.owner): Promise<string> {
    const id = await this.proposeRelease(input, by);
    await by.api.post(`/api/v1/releases/${id}/transitions`, { to: "in_review" });
    return id;
  }
}

/** Creates the space through POST /api/v1/spaces; `owner` becomes its owner. */
export async function createSpace(owner: Person, options: SpaceOptions): Promise<Space> {
  const { slug, name, visibility = "public", description } = options;
  await owner.api.post("/api/v1/spaces", { slug, name, visibility, ...(description === undefined ? {} : { description }) });
  return new Space(owner, slug, name);
}
