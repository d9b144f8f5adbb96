// Auth.js names its session cookie with the __Secure- prefix when the app is served over https.
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-authjs.session-token" : "authjs.session-token";
}
