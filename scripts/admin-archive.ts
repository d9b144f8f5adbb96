// The admin command's archive tasks: export a space to a file, import one as a mirror or fork, map an imported
// person to a provider account. The operator runs them, with the database's credentials: no session, so exports see
// what the public sees (a private space: export it through the API as a member).
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";

type Values = Record<string, string | boolean | undefined>;
type Done = { ok: boolean; message: string };

const text = (values: Values, name: string): string | undefined => (typeof values[name] === "string" ? (values[name] as string) : undefined);

export async function archiveCommand(command: string, values: Values): Promise<Done> {
  if (command === "export-archive") {
    const space = text(values, "space");
    const out = text(values, "out");
    if (!space || !out) return { ok: false, message: "--space and --out are required" };
    const { writeSpaceArchive } = await import("../lib/archive/export");
    const file = createWriteStream(out);
    await writeSpaceArchive(null, space, text(values, "instance") ?? process.env.AUTH_URL ?? "http://localhost:3000", async (chunk) => {
      if (!file.write(chunk)) await once(file, "drain");
    });
    file.end();
    await once(file, "finish");
    return { ok: true, message: `Wrote the archive of ${space} to ${out}; check it with: npm run verify -- ${out}` };
  }
  if (command === "import-archive") {
    const path = text(values, "file");
    if (!path) return { ok: false, message: "--file is required" };
    const { importArchive } = await import("../lib/archive/import/import-archive");
    const { defaultThreads } = await import("../lib/record/verify-stream");
    const input = { mode: text(values, "mode"), slug: text(values, "slug"), follow: values.follow === true, key: text(values, "key") };
    // Run by tsx, so the record's checks may go to worker threads while this thread writes.
    const result = await importArchive(() => createReadStream(path, { highWaterMark: 1 << 20 }), input, { threads: defaultThreads() });
    return result.ok ? { ok: true, message: result.data.summary } : { ok: false, message: result.error.message };
  }
  const user = text(values, "user");
  const provider = text(values, "provider");
  const subject = text(values, "subject");
  if (!user || !provider || !subject) return { ok: false, message: "--user, --provider and --subject are required" };
  const { claimImportedIdentity } = await import("../lib/auth/mutations");
  const type = provider === "oidc" || provider === "huggingface" ? "oidc" : "oauth";
  const claimed = await claimImportedIdentity({ provider, providerAccountId: subject, type }, "mapped", user);
  return claimed
    ? { ok: true, message: `${claimed.name ?? user} now signs in with ${provider} account ${subject}.` }
    : { ok: false, message: `No unclaimed imported person ${user}: it was claimed already, or did not arrive with an archive.` };
}
