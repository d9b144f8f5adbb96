"use server";
// Sign-in and sign-out as server actions. They start and end sessions; governance writes live elsewhere.
import { signIn, signOut } from "@/lib/auth/config";
import { safeCallbackPath } from "@/lib/auth/callback";
import { appEnv } from "@/lib/env";
import { providerInfo } from "@/lib/auth/providers";

export async function signInWithProvider(formData: FormData) {
  const provider = String(formData.get("provider") ?? "");
  // Only providers this instance configured; anything else would be an Auth.js error page.
  if (!providerInfo(appEnv()).some((p) => p.id === provider)) return;
  await signIn(provider, { redirectTo: safeCallbackPath(String(formData.get("callbackUrl") ?? "/")) });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
