// Reads and checks the environment once; every problem is reported as one line naming the variable.
import { z } from "zod";
import { originHostProblem } from "@/lib/record/origin";
import { configuredWitnesses } from "@/lib/record/witness/config";

const flag = z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true");
const optionalUrl = (what: string) =>
  z.string().trim().url(`must be a URL (${what})`).optional().or(z.literal("").transform(() => undefined));

const perMinute = (fallback: number) =>
  z.coerce.number("must be a whole number of requests per minute (0 for no limit)").int("must be a whole number of requests per minute (0 for no limit)").min(0, "must be 0 (no limit) or more").max(1_000_000, "must be at most 1000000").default(fallback);

const envShape = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || v === "" || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: "must look like postgresql://user:password@host:5432/database",
    })
    .refine((v) => v === undefined || v === "" || URL.canParse(v), { message: "is not a valid URL" })
    .transform((v) => (v ? v : undefined)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  // Set by scripts/start.ts when it runs the embedded Postgres, never by hand.
  CW_DATABASE_MODE: z.enum(["embedded", "external"]).optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 33)").optional(),
  AUTH_URL: optionalUrl("the public address of the app, e.g. https://governance.example.org"),
  AUTH_TRUST_HOST: flag,
  AUTH_DEMO_LOGIN: z.enum(["0", "1"]).optional(),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_GITLAB_ID: z.string().optional(),
  AUTH_GITLAB_SECRET: z.string().optional(),
  AUTH_GITLAB_URL: optionalUrl("your GitLab, e.g. https://gitlab.example.org"),
  AUTH_HUGGINGFACE_ID: z.string().optional(),
  AUTH_HUGGINGFACE_SECRET: z.string().optional(),
  AUTH_OIDC_ISSUER: optionalUrl("the issuer, e.g. https://id.example.org/realms/main"),
  AUTH_OIDC_ID: z.string().optional(),
  AUTH_OIDC_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // The host part of every log's C2SP origin (lib/record/origin.ts); default: AUTH_URL's host, else localhost.
  CW_ORIGIN_HOST: z
    .string()
    .trim()
    .optional()
    .superRefine((v, ctx) => {
      const problem = v ? originHostProblem(v) : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  // Witnesses that cosign checkpoints (lib/record/witness/config.ts): inline, or a file with the same lines.
  CW_WITNESSES: z.string().optional(),
  CW_WITNESSES_FILE: z.string().optional(),
  // Requests per minute per token, signed-in person or (anonymous) client address; 0 = unlimited.
  CW_RATE_LIMIT_DISABLED: flag,
  CW_JOBS: z.enum(["0", "1"], "must be 0 (no workers in this instance) or 1").optional(),
  CW_JOB_CONCURRENCY: z.coerce.number("must be a whole number").int("must be a whole number").min(1, "must be at least 1").max(64, "must be at most 64").default(2),
  CW_JOB_POLL_MS: z.coerce.number("must be a whole number of milliseconds").int("must be a whole number of milliseconds").min(100, "must be at least 100").max(60_000, "must be at most 60000").default(2000),
  // Webhooks (lib/webhooks/): hosts or addresses that may be private or plain http (e.g. 127.0.0.1,localhost).
  CW_WEBHOOK_ALLOW_HOSTS: z.string().trim().max(2000).optional(),
  CW_WEBHOOK_TIMEOUT_MS: z.coerce.number("must be a whole number of milliseconds").int("must be a whole number of milliseconds").min(100, "must be at least 100").max(30_000, "must be at most 30000").default(10_000),
  CW_WEBHOOK_RETRY_BASE_MS: z.coerce.number("must be a whole number of milliseconds").int("must be a whole number of milliseconds").min(10, "must be at least 10").max(3_600_000, "must be at most 3600000").default(30_000),
  CW_JOB_LOCK_TIMEOUT_MS: z.coerce.number("must be a whole number of milliseconds").int("must be a whole number of milliseconds").min(10_000, "must be at least 10000").max(14_400_000, "must be at most 14400000 (4 hours)").default(300_000),
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || /^smtps?:\/\/[^\s]+$/.test(v), { message: "must look like smtp://user:password@mail.example.org:587 (or smtps://)" })
    .refine((v) => v === undefined || URL.canParse(v), { message: "is not a valid URL" }),
  CW_MAIL_FROM: z.string().trim().max(300).optional(),
  CW_SMTP_CONNECTIONS: z.coerce.number("must be a whole number").int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(5),
  CW_RATE_LIMIT_WRITES_PER_MINUTE: perMinute(120),
  CW_RATE_LIMIT_READS_PER_MINUTE: perMinute(60),
  CW_RATE_LIMIT_SIGNIN_PER_MINUTE: perMinute(30),
});

export type AppEnv = z.infer<typeof envShape>;

const webhookShape = envShape.pick({ CW_WEBHOOK_ALLOW_HOSTS: true, CW_WEBHOOK_TIMEOUT_MS: true, CW_WEBHOOK_RETRY_BASE_MS: true, AUTH_URL: true, PORT: true });

/** The webhook settings, read afresh on each call (not cached like appEnv): a test or operator may change them. */
export function webhookEnv(source: Record<string, string | undefined> = process.env) {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  return webhookShape.parse(present);
}
export type EnvCheck = { ok: true; env: AppEnv } | { ok: false; problems: string[] };

// Providers whose id and secret must come as a pair.
const pairs = [
  ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
  ["AUTH_GITLAB_ID", "AUTH_GITLAB_SECRET"],
  ["AUTH_HUGGINGFACE_ID", "AUTH_HUGGINGFACE_SECRET"],
] as const;

export function checkEnv(source: Record<string, string | undefined>): EnvCheck {
  // An empty variable (as .env.example leaves them) means "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envShape.safeParse(present);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`),
    };
  }
  const env = parsed.data;
  const problems: string[] = [];
  for (const [id, secret] of pairs) {
    if (env[id] && !env[secret]) problems.push(`${secret} is missing: ${id} is set, so its secret is needed too`);
    if (env[secret] && !env[id]) problems.push(`${id} is missing: ${secret} is set, so its client id is needed too`);
  }
  const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_ID, env.AUTH_OIDC_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    const missing = (["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"] as const).filter((k) => !env[k]);
    problems.push(`${missing.join(" and ")} missing: an OpenID Connect provider needs its issuer, id and secret`);
  }
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
    problems.push("AUTH_SECRET is missing: it is required in production (try: openssl rand -base64 33)");
  }
  if (env.CW_WITNESSES || env.CW_WITNESSES_FILE) {
    // Checked at start so a typo is not discovered as checkpoints that never get cosigned.
    const witnesses = configuredWitnesses(present);
    const variable = env.CW_WITNESSES_FILE ? "CW_WITNESSES_FILE" : "CW_WITNESSES";
    if (!witnesses.ok) problems.push(`${variable} is not a usable witness list: ${witnesses.error}`);
  }
  if (env.NODE_ENV === "production" && !env.AUTH_URL && !env.AUTH_TRUST_HOST) {
    problems.push(
      "AUTH_URL is missing: in production set AUTH_URL to the app's public address, or AUTH_TRUST_HOST=1 behind a proxy that sets the Host header",
    );
  }
  return problems.length ? { ok: false, problems } : { ok: true, env };
}

let cached: AppEnv | undefined;

/** The checked environment of this process; throws one readable error if it is not usable. */
export function appEnv(): AppEnv {
  if (cached) return cached;
  const result = checkEnv(process.env);
  if (!result.ok) throw new Error(`Configuration problem: ${result.problems.join("; ")}`);
  cached = result.env;
  return cached;
}

export type ProviderId = "github" | "gitlab" | "huggingface" | "oidc";

export function configuredProviders(env: AppEnv): ProviderId[] {
  const list: ProviderId[] = [];
  if (env.AUTH_GITHUB_ID) list.push("github");
  if (env.AUTH_GITLAB_ID) list.push("gitlab");
  if (env.AUTH_HUGGINGFACE_ID) list.push("huggingface");
  if (env.AUTH_OIDC_ISSUER) list.push("oidc");
  return list;
}

/**
 * Demo sign-in is for the newcomer's `npm start`: on the embedded database with no identity
 * provider, or when an operator asks for it with AUTH_DEMO_LOGIN=1. Never silently elsewhere.
 */
export function demoLoginEnabled(env: AppEnv): boolean {
  if (env.AUTH_DEMO_LOGIN === "1") return true;
  if (env.AUTH_DEMO_LOGIN === "0") return false;
  return env.CW_DATABASE_MODE === "embedded" && configuredProviders(env).length === 0;
}
