// Module hook for the origin test server: lib/auth/session resolves to an anonymous stand-in.
export async function resolve(specifier, context, next) {
  if (specifier === "@/lib/auth/session") return { url: new URL("./anonymous-session.mjs", import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
