// A real OpenID Connect provider for the browser tests (the oidc-provider package), on 127.0.0.1.
// Its development login form accepts any login and password; the login becomes the user.
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 3210);
const appUrls = (process.env.OIDC_APP_URLS ?? "http://localhost:3200").split(",");
const issuer = `http://127.0.0.1:${port}`;

const titleCase = (login: string) => login.charAt(0).toUpperCase() + login.slice(1);

const configuration: Configuration = {
  clients: [
    {
      client_id: "commonweights-e2e",
      client_secret: "e2e-secret-not-for-production",
      redirect_uris: appUrls.map((url) => `${url}/api/auth/callback/oidc`),
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: `${titleCase(id)} Tester`, email: `${id}@oidc.example.test`, email_verified: true };
      },
    };
  },
  claims: { openid: ["sub"], profile: ["name"], email: ["email", "email_verified"] },
  // Auth.js reads the profile from the id_token; by default oidc-provider puts only `sub` there.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  // Skip the consent screen: the test user has always consented to the test client.
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const accountId = ctx.oidc.session?.accountId;
    const clientId = ctx.oidc.client?.clientId;
    if (!accountId || !clientId) return undefined;
    const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  cookies: { keys: ["e2e-cookie-key-not-for-production"] },
};

const provider = new Provider(issuer, configuration);
provider.listen(port, "127.0.0.1", () => {
  console.log(`OIDC provider ready at ${issuer}`);
});
