import { apiRoute } from "@/lib/api/handler";
import { receiptInSpace } from "@/lib/history/use-cases/receipt-in-space";

export const GET = apiRoute<{ slug: string; hash: string }>(async ({ actor, params }) => receiptInSpace(actor, params.slug, params.hash));
