// Next's lint rules, plus the import direction of STYLE.md: app -> components -> lib, and inside lib
// actions -> use cases -> mutations/data -> rules. In flat config the last matching entry of a rule wins,
// so each narrower layer repeats the wider layer's restrictions.
import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

const noUi = { group: ["@/app/*", "@/components/*"], message: "lib/ must not import app/ or components/: imports flow app -> components -> lib." };
const noPrisma = {
  group: ["@/lib/db", "@/lib/generated/*"],
  allowTypeImports: true,
  message: "Only lib/db.ts, data.ts and mutations.ts talk to Prisma.",
};
const noWrites = { group: ["**/mutations"], message: "Writes go through use cases or server actions, which authorize first." };
const pure = {
  group: ["server-only", "next", "next/*", "react", "@/lib/auth/*", "**/data", "**/actions", "**/use-cases"],
  message: "Pure rules do no I/O: time and data are passed in.",
};

const restrict = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

const pureFiles = [
  "lib/**/rules.ts",
  "lib/**/schema.ts",
  "lib/charter/rules.ts",
  "lib/charter/describe.ts",
  "lib/charter/schema-input.ts",
  "lib/audits/rules.ts",
  "lib/audits/gate.ts",
  "lib/decisions/methods/**",
  "lib/registry/**",
  "lib/licensing/**",
  "lib/releases/openness.ts",
  "lib/releases/lifecycle.ts",
  "lib/releases/model-card*.ts",
  "lib/record/merkle.ts",
  "lib/record/verify-proof.ts",
  "lib/record/checkpoint.ts",
  "lib/record/canonical.ts",
];

const config = [
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
  ...coreWebVitals,
  ...typescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  restrict(["app/**"], [noPrisma, noWrites]),
  restrict(["components/**"], [noPrisma, noWrites, { group: ["@/app/*"], message: "components/ must not import app/." }]),
  // A mutations.ts that outgrows one file keeps its sub-concerns in a mutations/ folder beside it.
  // lib/record/append.ts is the record's writer: it builds the SQL other mutations embed. The rate limiter
  // hands the pool to rate-limiter-flexible, which keeps its counters in Postgres.
  restrict(["lib/**"], [noUi, noPrisma], ["lib/db.ts", "lib/**/data.ts", "lib/**/mutations.ts", "lib/**/mutations/*.ts", "lib/auth/config.ts", "lib/record/append.ts", "lib/rate-limit/limiter.ts"]),
  restrict(["lib/db.ts", "lib/**/data.ts", "lib/**/mutations.ts", "lib/**/mutations/*.ts"], [noUi, { group: ["**/actions", "**/use-cases"], message: "data and mutations sit below use cases and actions." }]),
  restrict(pureFiles, [noUi, noPrisma, noWrites, pure]),
];
export default config;
