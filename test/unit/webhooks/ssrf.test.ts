// Which addresses a webhook may reach: a table of IPv4, IPv6 and IPv4-in-IPv6 forms, the allowlist, and the
// check after DNS resolution (every address of a host must pass).
import { describe, expect, it } from "vitest";
import { addressRefusal, classifyAddress, parseAllowlist, targetRefusal, urlRefusal, type AddressClass } from "@/lib/webhooks/ssrf";

const table: Array<[string, AddressClass]> = [
  ["8.8.8.8", "public"],
  ["93.184.216.34", "public"],
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["10.0.0.1", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["172.32.0.1", "public"],
  ["192.168.1.1", "private"],
  ["100.64.0.1", "cgnat"],
  ["100.127.255.255", "cgnat"],
  ["100.128.0.1", "public"],
  ["169.254.169.254", "link-local"],
  ["0.0.0.0", "unspecified"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["255.255.255.255", "reserved"],
  ["198.18.0.1", "reserved"],
  ["2606:4700:4700::1111", "public"],
  ["::1", "loopback"],
  ["0:0:0:0:0:0:0:1", "loopback"],
  ["::", "unspecified"],
  ["fc00::1", "unique-local"],
  ["fd12:3456:789a::1", "unique-local"],
  ["fe80::1", "link-local"],
  ["fe80::1%eth0", "link-local"],
  ["febf::1", "link-local"],
  ["ff02::1", "multicast"],
  ["2001:db8::1", "reserved"],
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["::ffff:10.1.2.3", "private"],
  ["::ffff:169.254.169.254", "link-local"],
  ["::ffff:100.64.0.1", "cgnat"],
  ["::ffff:8.8.8.8", "public"],
  ["0:0:0:0:0:ffff:c0a8:0101", "private"],
  ["::127.0.0.1", "loopback"],
  ["64:ff9b::10.0.0.1", "private"],
  ["64:ff9b::8.8.8.8", "public"],
  ["not-an-ip", "reserved"],
];

describe("classifyAddress", () => {
  it.each(table)("%s is %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe("the allowlist", () => {
  const allow = parseAllowlist(" 127.0.0.1, LocalHost ,[::1]");

  it("reads hosts and addresses, trimmed and in lowercase", () => {
    expect([...allow]).toEqual(["127.0.0.1", "localhost", "::1"]);
  });

  it("lets a listed host or address through, and nothing else that is private", () => {
    expect(addressRefusal("127.0.0.1", "127.0.0.1", allow)).toBeNull();
    expect(addressRefusal("localhost", "127.0.0.1", allow)).toBeNull();
    expect(addressRefusal("example.test", "::1", allow)).toBeNull();
    expect(addressRefusal("example.test", "10.0.0.1", allow)).toBe(
      "Webhooks go only to public addresses: example.test (10.0.0.1) is a private network address. An operator can allow it with CW_WEBHOOK_ALLOW_HOSTS.",
    );
    expect(addressRefusal("127.0.0.2", "127.0.0.2", allow)).toMatch(/127\.0\.0\.2 is a loopback address/);
  });

  it("wants https unless the host is listed", () => {
    expect(urlRefusal(new URL("https://ci.example.org/hook"), new Set())).toBeNull();
    expect(urlRefusal(new URL("http://ci.example.org/hook"), new Set())).toMatch(/must start with https:\/\//);
    expect(urlRefusal(new URL("http://127.0.0.1:9000/hook"), allow)).toBeNull();
    expect(urlRefusal(new URL("ftp://ci.example.org/hook"), allow)).toMatch(/https/);
  });
});

describe("targetRefusal checks every resolved address", () => {
  const resolver = (answers: Record<string, string[]>) => async (host: string) => {
    if (!answers[host]) throw new Error("ENOTFOUND");
    return answers[host]!;
  };
  const none = new Set<string>();

  it("passes a host whose addresses are all public", async () => {
    expect(await targetRefusal("https://ci.example.org/x", none, resolver({ "ci.example.org": ["93.184.216.34", "2606:4700::1"] }))).toBeNull();
  });

  it("refuses a host with one private address among public ones", async () => {
    const refusal = await targetRefusal("https://mixed.example.org/x", none, resolver({ "mixed.example.org": ["93.184.216.34", "192.168.0.10"] }));
    expect(refusal).toMatch(/mixed\.example\.org \(192\.168\.0\.10\) is a private network address/);
  });

  it("refuses IP literals without asking DNS, including bracketed IPv6 and mapped forms", async () => {
    const noDns = async () => {
      throw new Error("DNS must not be asked");
    };
    expect(await targetRefusal("https://169.254.169.254/latest/meta-data", none, noDns)).toMatch(/link-local/);
    expect(await targetRefusal("https://[::ffff:127.0.0.1]/x", none, noDns)).toMatch(/loopback/);
    expect(await targetRefusal("https://[fd00::1]/x", none, noDns)).toMatch(/unique local/);
  });

  it("says so when the host is not in DNS", async () => {
    expect(await targetRefusal("https://nowhere.example.org/x", none, resolver({}))).toBe("The host nowhere.example.org could not be found in DNS.");
  });
});
