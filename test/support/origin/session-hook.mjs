// Module hook for the origin test server: lib/auth/session resolves to an anonymous stand-in. Not async, so that it
// serves both as a synchronous hook (module.registerHooks, which sees require and import alike) and as an
// asynchronous one (module.register, where Node has no registerHooks).
export function resolve(specifier, context, next) {
  if (specifier === "@/lib/auth/session") return { url: new URL("./anonymous-session.mjs", import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
