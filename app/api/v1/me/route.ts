import { apiRoute } from "@/lib/api/handler";
import { fail, ok } from "@/lib/result";

export const GET = apiRoute(async ({ actor }) =>
  actor ? ok({ id: actor.id, name: actor.name, email: actor.email }) : fail("UNAUTHENTICATED", "Sign in or send a bearer token.", "unauthenticated"),
);
