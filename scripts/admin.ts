// `npm run admin -- <command>`: operator tasks against DATABASE_URL, or the embedded database in .data/.
//   create-user  --email E --name N
//   create-token --email E --name N     (prints the token alone on the last line of stdout)
//   export-archive --space SLUG --out FILE [--instance URL]
//   import-archive --file FILE --mode mirror|fork [--slug S] [--follow] [--key BASE64]
//   map-identity --user ID --provider P --subject S   (an imported person's account here)
//   index-search                        (an import's search rows now, instead of by the app's job queue)
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";

const usage = `Usage:
  npm run admin -- create-user --email ada@example.org --name "Ada Lovelace"
  npm run admin -- create-token --email ada@example.org --name "release CI"
  npm run admin -- export-archive --space lumen --out lumen.cwarchive [--instance https://governance.example.org]
  npm run admin -- import-archive --file lumen.cwarchive --mode mirror|fork [--slug lumen-copy] [--follow] [--key <origin public key, base64>]
  npm run admin -- map-identity --user <imported person id> --provider github --subject 12345
  npm run admin -- index-search`;

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/** The embedded database: the running one if `npm start` is up, otherwise started for this command. */
async function openEmbeddedDatabase(): Promise<EmbeddedDb | null> {
  const port = Number(process.env.CW_EMBEDDED_PG_PORT ?? 54329);
  const url = `postgresql://commonweights:commonweights-local@127.0.0.1:${port}/commonweights`;
  if (await portOpen(port)) {
    process.env.DATABASE_URL = url;
    return null;
  }
  const embedded = await startEmbeddedDb({ dir: path.resolve(".data", "pg"), port });
  if (embedded.fresh) {
    await embedded.stop();
    fail("There is no database yet: run `npm start` once first, or set DATABASE_URL.");
  }
  process.env.DATABASE_URL = embedded.url("commonweights");
  return embedded;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      space: { type: "string" },
      out: { type: "string" },
      instance: { type: "string" },
      file: { type: "string" },
      mode: { type: "string" },
      slug: { type: "string" },
      follow: { type: "boolean" },
      key: { type: "string" },
      user: { type: "string" },
      provider: { type: "string" },
      subject: { type: "string" },
    },
  });
  const command = positionals[0];
  const commands = ["create-user", "create-token", "export-archive", "import-archive", "map-identity", "index-search"];
  if (!commands.includes(command ?? "")) fail(`unknown command '${command ?? ""}'\n${usage}`);
  const embedded = process.env.DATABASE_URL ? null : await openEmbeddedDatabase();
  // Imported only now: lib/db.ts connects to whatever DATABASE_URL says at first use.
  const { db } = await import("../lib/db");
  const { parseInput } = await import("../lib/validation");
  try {
    if (command === "index-search") {
      const { indexAllSearchBacklogs } = await import("../lib/record/mutations/search");
      console.log(`Wrote ${(await indexAllSearchBacklogs()).toLocaleString("en")} search rows: every imported event can be searched.`);
    } else if (command === "export-archive" || command === "import-archive" || command === "map-identity") {
      const { archiveCommand } = await import("./admin-archive");
      const done = await archiveCommand(command, values);
      if (!done.ok) fail(done.message);
      console.log(done.message);
    } else if (command === "create-user") {
      const { createUserInput } = await import("../lib/users/schema");
      const { createUser } = await import("../lib/users/mutations");
      const input = parseInput(createUserInput, values);
      if (!input.ok) fail(input.error.message);
      const user = await createUser(input.data).catch((error: unknown) => {
        if (String(error).includes("Unique constraint")) fail(`A user with the e-mail ${input.data.email} already exists.`);
        throw error;
      });
      console.log(`Created user ${user.name} <${user.email}> (${user.id})`);
    } else {
      const { createTokenInput } = await import("../lib/tokens/schema");
      const { createToken } = await import("../lib/tokens/mutations");
      const { findUserByEmail } = await import("../lib/users/data");
      if (!values.email) fail("--email is required");
      const input = parseInput(createTokenInput, { name: values.name });
      if (!input.ok) fail(input.error.message);
      const user = await findUserByEmail(values.email);
      if (!user) fail(`No user with the e-mail ${values.email}: create it first with create-user.`);
      const created = await createToken({ userId: user.id, name: input.data.name });
      console.error(`Created token "${created.name}" for ${user.email}. It is shown once:`);
      console.log(created.token);
    }
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
