import { describe, expect, it } from "vitest";
import { cachedTokenUser, cacheTokenUser, forgetToken, TOKEN_CACHE_TTL_MS } from "@/lib/tokens/cache";

const user = { id: "u1", name: "Ada", email: "ada@example.org" };

describe("the token cache", () => {
  it("answers within the TTL and forgets after it", () => {
    cacheTokenUser("hash-a", "tok-a", user, 1_000);
    expect(cachedTokenUser("hash-a", 1_000 + TOKEN_CACHE_TTL_MS - 1)?.user).toEqual(user);
    expect(cachedTokenUser("hash-a", 1_000 + TOKEN_CACHE_TTL_MS)).toBeNull();
    expect(cachedTokenUser("hash-a", 1_000)).toBeNull(); // the expired entry was dropped
  });

  it("forgets a revoked token at once", () => {
    cacheTokenUser("hash-b", "tok-b", user, 5_000);
    forgetToken("tok-b");
    expect(cachedTokenUser("hash-b", 5_001)).toBeNull();
  });

  it("stays bounded, dropping the oldest entries", () => {
    for (let i = 0; i < 10_001; i++) cacheTokenUser(`bulk-${i}`, `tok-${i}`, user, 10_000);
    expect(cachedTokenUser("bulk-0", 10_001)).toBeNull();
    expect(cachedTokenUser("bulk-10000", 10_001)?.tokenId).toBe("tok-10000");
  });
});
