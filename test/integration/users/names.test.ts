// The names other people see: a person who has no display name is never shown by their e-mail address.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { userNames } from "@/lib/users/data";
import { unnamed } from "@/lib/users/public-name";
import { createUser } from "@/test/support/factories";

describe("userNames", () => {
  it("gives the display name, and for a person without one a phrase, never the e-mail", async () => {
    const named = await createUser({ name: "Dana Example" });
    const nameless = await createUser();
    const blank = await createUser();
    await db.user.update({ where: { id: nameless.id }, data: { name: null } });
    await db.user.update({ where: { id: blank.id }, data: { name: "   " } });

    const names = await userNames([named.id, nameless.id, blank.id]);

    expect(names).toEqual({ [named.id]: "Dana Example", [nameless.id]: unnamed, [blank.id]: unnamed });
    expect(JSON.stringify(names)).not.toContain("@example.test");
  });
});
