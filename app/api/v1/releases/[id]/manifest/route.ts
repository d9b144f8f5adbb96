import { apiRoute } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { releaseManifest } from "@/lib/releases/use-cases/release-manifest";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ok(await releaseManifest(actor, params.id)));
