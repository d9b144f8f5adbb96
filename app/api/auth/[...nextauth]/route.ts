import { handlers } from "@/lib/auth/config";
import { withSignInLimit } from "@/lib/rate-limit/guards";

export const GET = withSignInLimit(handlers.GET);
export const POST = withSignInLimit(handlers.POST);
