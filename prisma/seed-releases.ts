// The Lumen Collective's releases: 7B 1.0 and 1.1 (published), 2.0 (voting now) and 13B 0.9 (in review),
// with pinned artifacts, MOF components and licenses, registry links and backdated record events.
import type { CatalogEvent } from "@/lib/record/events/catalog";
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { appendEvent } from "./seed-record";
import { classifyOpenness, mofComponents, type MofComponentId } from "@/lib/releases/openness";
import { normalizeArtifacts, normalizeComponents, normalizeLinks, sortedDigests, type ArtifactDraft } from "@/lib/releases/rules";
import type { ReleaseStatus } from "@/lib/releases/lifecycle";
import { daysAgo, type DemoKey, type SeedContext } from "./seed-community";


const sha = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;
const commit = (text: string) => createHash("sha1").update(text).digest("hex");
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

const code = "Apache-2.0";
const data = "CC-BY-4.0";
const docs = "CC-BY-4.0";
const licenseFor = (category: string) => (category === "code" || category === "parameters" ? code : category === "data" ? data : docs);

/** Every component of the given classes, under the license MOF expects for its kind. */
function componentsUpTo(cls: 1 | 2 | 3, extra: Partial<Record<MofComponentId, string | null>> = {}) {
  return mofComponents.map((spec) => {
    const override = extra[spec.id];
    const included = spec.class >= cls || override !== undefined;
    return { component: spec.id, included, license: included ? (override === undefined ? licenseFor(spec.category) : override) : null };
  });
}

function artifacts(model: string, version: string, sizes: { weights: number }): ArtifactDraft[] {
  const at = (name: string) => sha(`${model}@${version}/${name}`);
  return [
    { name: "model.safetensors", kind: "weights", digest: at("model.safetensors"), sizeBytes: sizes.weights, uri: `hf://lumen-collective/${model}@${commit(`${model}@${version}`)}/model.safetensors` },
    { name: "tokenizer.json", kind: "tokenizer", digest: at("tokenizer.json"), sizeBytes: 1_842_767 },
    { name: "config.json", kind: "config", digest: at("config.json"), sizeBytes: 714 },
  ];
}

type SeededRelease = {
  key: string;
  model: string;
  version: string;
  summary: string;
  changelog: string;
  previous?: string;
  baseModelRef?: string;
  status: ReleaseStatus;
  artifacts: ArtifactDraft[];
  components: ReturnType<typeof componentsUpTo>;
  links: string[];
  proposedBy: DemoKey;
  proposedAt: Date;
  /** Status changes after the proposal, in order. */
  steps: Array<{ type: string; to: ReleaseStatus; who: DemoKey | null; at: Date }>;
};

function unwrap<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`seed-releases: ${result.message}`);
  return result.value;
}

async function seedRelease(tx: Tx, ctx: SeedContext, r: SeededRelease, ids: Record<string, string>): Promise<string> {
  const arts = unwrap(normalizeArtifacts(r.artifacts));
  const comps = unwrap(normalizeComponents(r.components));
  const links = unwrap(normalizeLinks(r.links));
  const digests = sortedDigests(arts.map((a) => a.digest));
  const votingStep = r.steps.find((s) => s.to === "voting");
  const published = r.steps.find((s) => s.to === "published");
  const release = await tx.release.create({
    data: {
      spaceId: ctx.spaceId,
      modelName: r.model,
      version: r.version,
      summary: r.summary,
      changelog: r.changelog,
      previousReleaseId: r.previous ? ids[r.previous] : null,
      baseModelRef: r.baseModelRef ?? null,
      status: r.status,
      votedDigests: votingStep ? digests : [],
      votingOpenedAt: votingStep?.at ?? null,
      publishedAt: published?.at ?? null,
      createdById: ctx.users[r.proposedBy],
      createdAt: r.proposedAt,
      artifacts: { create: arts.map((a) => ({ ...a, sizeBytes: a.sizeBytes === null ? null : BigInt(a.sizeBytes), createdAt: r.proposedAt })) },
      components: { create: comps },
      links: { create: links.map((l) => ({ ...l, createdAt: r.proposedAt })) },
    },
  });
  const openness = classifyOpenness(comps.map((c) => ({ component: c.component, included: c.included, license: c.license })));
  await appendEvent(tx, {
    spaceId: ctx.spaceId,
    actorId: ctx.users[r.proposedBy],
    type: "release.proposed",
    subject: { releaseId: release.id },
    data: { modelName: r.model, version: r.version, digests, mofClass: openness.class, links: links.map((l) => l.reference) },
    at: r.proposedAt,
  });
  let from: ReleaseStatus = "draft";
  for (const step of r.steps) {
    await appendEvent(tx, {
      spaceId: ctx.spaceId,
      actorId: step.who ? ctx.users[step.who] : null,
      // Each step's type follows its status; the catalog checks the pair when the event is written.
      ...({
        type: step.type,
        subject: { releaseId: release.id },
        data: {
          from,
          to: step.to,
          ...(step.to === "voting" ? { votedDigests: digests } : {}),
          ...(step.to === "published" ? { digests, registry: links.map((l) => ({ kind: l.kind, reference: l.reference, pinned: l.pinned })) } : {}),
        },
      } as CatalogEvent),
      at: step.at,
    });
    from = step.to;
  }
  return release.id;
}

const lifecycle = (who: DemoKey, proposed: number, published?: number) => {
  const steps: SeededRelease["steps"] = [
    { type: "release.submitted", to: "in_review", who, at: daysAgo(proposed - 1) },
    { type: "release.voting_opened", to: "voting", who: "amara", at: daysAgo(proposed - 4) },
    { type: "release.approved", to: "approved", who: null, at: daysAgo(proposed - 7) },
  ];
  if (published !== undefined) steps.push({ type: "release.published", to: "published", who: "bruno", at: daysAgo(published) });
  return steps;
};

export async function seedReleases(ctx: SeedContext): Promise<{ releases: Record<string, string> }> {
  const ids: Record<string, string> = {};
  const hf = (model: string, version: string) => `hf://lumen-collective/${model}@${commit(`${model}@${version}`)}`;
  const oci = (model: string, version: string) => `ghcr.io/lumen-collective/${model}@${sha(`oci:${model}@${version}`)}`;

  const releases: SeededRelease[] = [
    {
      key: "lumen-7b@1.0",
      model: "lumen-7b",
      version: "1.0",
      summary: "The first **Lumen-7B**: a 7B decoder trained on 1.2T tokens across 14 low-resource languages.\n\nWeights, training and evaluation code are open (Class II).",
      changelog: "- First release",
      baseModelRef: undefined,
      status: "published",
      artifacts: artifacts("lumen-7b", "1.0", { weights: 14_483_464_192 }),
      components: componentsUpTo(2),
      links: [hf("lumen-7b", "1.0"), oci("lumen-7b", "1.0")],
      proposedBy: "bruno",
      proposedAt: daysAgo(160),
      steps: [
        { type: "release.submitted", to: "in_review", who: "bruno", at: daysAgo(159) },
        { type: "release.voting_opened", to: "voting", who: "amara", at: daysAgo(156) },
        { type: "release.approved", to: "approved", who: null, at: daysAgo(153) },
        { type: "release.published", to: "published", who: "bruno", at: daysAgo(150) },
      ],
    },
    {
      key: "lumen-7b@1.1",
      model: "lumen-7b",
      version: "1.1",
      summary: "Bug-fix release: a tokenizer fix for Yoruba diacritics, and the curated datasets published alongside.",
      changelog: "- Tokenizer: NFC-normalise Yoruba diacritics\n- Datasets component added (license chosen by vote)",
      previous: "lumen-7b@1.0",
      status: "published",
      artifacts: artifacts("lumen-7b", "1.1", { weights: 14_483_464_192 }).map((a) => (a.name === "model.safetensors" ? { ...a, digest: sha("lumen-7b@1.0/model.safetensors") } : a)),
      components: componentsUpTo(2, { datasets: null }),
      links: [hf("lumen-7b", "1.1"), oci("lumen-7b", "1.1")],
      proposedBy: "chen",
      proposedAt: daysAgo(100),
      steps: lifecycle("chen", 100, 70),
    },
    {
      key: "lumen-7b@2.0",
      model: "lumen-7b",
      version: "2.0",
      summary: "**Lumen-7B 2.0**: retrained weights with a new tokenizer covering Swahili and Yoruba.\n\n| Benchmark | 1.1 | 2.0 |\n|---|---|---|\n| AfriMMLU | 41.2 | 47.9 |\n| Belebele (sw) | 58.0 | 66.4 |",
      changelog: "- New 64k tokenizer\n- Retrained on 1.8T tokens\n- Data preprocessing code and datasets published",
      previous: "lumen-7b@1.1",
      status: "voting",
      artifacts: artifacts("lumen-7b", "2.0", { weights: 14_502_338_560 }),
      components: componentsUpTo(2, { datasets: data, "data-preprocessing-code": code }),
      links: [hf("lumen-7b", "2.0"), oci("lumen-7b", "2.0")],
      proposedBy: "bruno",
      proposedAt: daysAgo(12),
      steps: [
        { type: "release.submitted", to: "in_review", who: "bruno", at: daysAgo(11) },
        { type: "release.voting_opened", to: "voting", who: "amara", at: hoursAgo(24) },
      ],
    },
    {
      key: "lumen-13b@0.9",
      model: "lumen-13b",
      version: "0.9",
      summary: "A preview of **Lumen-13B**, initialised from Lumen-7B 2.0 and upscaled. In review: the security audit found a prompt injection bypass.",
      changelog: "- First preview",
      baseModelRef: "hf://lumen-collective/lumen-7b",
      status: "in_review",
      artifacts: artifacts("lumen-13b", "0.9", { weights: 26_031_755_264 }),
      components: componentsUpTo(3),
      links: ["hf://lumen-collective/lumen-13b@main"],
      proposedBy: "chen",
      proposedAt: daysAgo(6),
      steps: [{ type: "release.submitted", to: "in_review", who: "chen", at: daysAgo(5) }],
    },
  ];
  for (const r of releases) {
    ids[r.key] = await db.$transaction((tx) => seedRelease(tx, ctx, r, ids));
  }
  return { releases: ids };
}
