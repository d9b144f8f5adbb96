import licenseIds from "spdx-license-ids/index.json";
import { describe, expect, it } from "vitest";
import {
  classifyLicense,
  openContentIds,
  openDataIds,
  osiApprovedIds,
  restrictiveIds,
} from "@/lib/licensing/classes";

const known = new Set<string>(licenseIds);

describe("license tables", () => {
  it.each([
    ["OSI-approved", osiApprovedIds],
    ["open data", openDataIds],
    ["open content", openContentIds],
    ["restrictive", restrictiveIds],
  ])("the %s table holds only current SPDX ids", (_name, table) => {
    expect([...table].filter((id) => !known.has(id))).toEqual([]);
  });

  it("no license is both open and restrictive", () => {
    const open = new Set([...osiApprovedIds, ...openDataIds, ...openContentIds]);
    expect([...restrictiveIds].filter((id) => open.has(id))).toEqual([]);
  });
});

describe("classifyLicense", () => {
  const flags = (osi: boolean, openData: boolean, openContent: boolean, restrictive: boolean) => ({
    osi,
    openData,
    openContent,
    restrictive,
    open: osi || openData || openContent,
  });

  it.each([
    ["Apache-2.0", flags(true, false, false, false)],
    ["mit", flags(true, false, false, false)],
    ["GPL-3.0-or-later", flags(true, false, false, false)],
    ["GPL-2.0+", flags(true, false, false, false)],
    ["GPL-2.0-only WITH Classpath-exception-2.0", flags(true, false, false, false)],
    ["CDLA-Permissive-2.0", flags(false, true, false, false)],
    ["ODbL-1.0", flags(false, true, false, false)],
    ["CC-BY-4.0", flags(false, true, true, false)],
    ["CC0-1.0", flags(false, true, true, false)],
    ["GFDL-1.3-or-later", flags(false, false, true, false)],
    ["CC-BY-NC-4.0", flags(false, false, false, true)],
    ["CC-BY-NC-ND-4.0", flags(false, false, false, true)],
    ["LicenseRef-Llama-3.1-Community", flags(false, false, false, true)],
    ["LicenseRef-Gemma", flags(false, false, false, true)],
    ["LicenseRef-BigScience-OpenRAIL-M", flags(false, false, false, true)],
    ["LicenseRef-Acme-Internal", flags(false, false, false, false)],
    ["BUSL-1.1", flags(false, false, false, true)],
    ["BSD-4-Clause", flags(false, false, false, false)],
    ["MIT OR CC-BY-NC-4.0", flags(true, false, false, false)],
    ["MIT AND CC-BY-NC-4.0", flags(false, false, false, true)],
    ["Apache-2.0 OR CC-BY-4.0", flags(true, true, true, false)],
    ["LicenseRef-Llama-3.1-Community OR CC-BY-NC-4.0", flags(false, false, false, true)],
    ["(MIT OR LicenseRef-Gemma) AND Apache-2.0", flags(true, false, false, false)],
    ["Not A License", flags(false, false, false, false)],
  ])("%j", (expression, expected) => {
    expect(classifyLicense(expression)).toEqual(expected);
  });

  it("treats Apache-2.0 AND CC-BY-4.0 as open but neither purely OSI nor purely content", () => {
    expect(classifyLicense("Apache-2.0 AND CC-BY-4.0")).toEqual({
      osi: false,
      openData: false,
      openContent: false,
      restrictive: false,
      open: true,
    });
  });
});
