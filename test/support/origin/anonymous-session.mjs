// The origin test server's stand-in for lib/auth/session: Auth.js needs Next's request scope; its readers are anonymous.
export const currentActor = async () => null;
export const requireActor = async () => {
  throw new Error("the origin test server serves anonymous readers only");
};
