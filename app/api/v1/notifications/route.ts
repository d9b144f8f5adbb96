import { apiRoute } from "@/lib/api/handler";
import { inbox } from "@/lib/notifications/use-cases/inbox";

export const GET = apiRoute(async ({ actor }) => inbox(actor));
