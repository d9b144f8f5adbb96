// Demo data for `npm start` on a fresh machine: the Lumen Collective, an open-model community mid-flight
// (people and charter, releases, audits with findings, a vote under way), backdated over six months.
import { db } from "@/lib/db";
import { seedDemo } from "./seed-demo";

async function main() {
  if ((await db.space.count({ where: { slug: "lumen" } })) > 0) {
    console.log("The demo community is already there; nothing to seed.");
    return;
  }
  await seedDemo();
  console.log("Seeded the Lumen Collective demo space.");
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
