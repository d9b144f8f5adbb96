import { apiRoute } from "@/lib/api/handler";
import { unreadCount } from "@/lib/notifications/use-cases/inbox";

export const GET = apiRoute(async ({ actor }) => unreadCount(actor));
