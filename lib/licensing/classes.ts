// License categories the Model Openness Framework cares about: OSI-approved, open data, open content, restrictive.
import { currentLicenseIds } from "./spdx-ids";
import { parseLicenseTree, type LicenseNode } from "./spdx";

export type LicenseClassification = {
  osi: boolean; // OSI-approved: what MOF requires of code
  openData: boolean; // open data license: what MOF requires of data and parameters
  openContent: boolean; // open content license: what MOF requires of documentation
  restrictive: boolean; // use restrictions (non-commercial, no-derivatives, RAIL, vendor model terms)
  open: boolean; // open in at least one of the three senses above
};

const words = (text: string): readonly string[] => text.trim().split(/\s+/);

// From the OSI list (opensource.org/licenses) as flagged in the SPDX license list.
export const osiApprovedIds: ReadonlySet<string> = new Set(
  words(`
    0BSD AAL AFL-1.1 AFL-1.2 AFL-2.0 AFL-2.1 AFL-3.0 AGPL-3.0-only AGPL-3.0-or-later APL-1.0 APSL-1.0 APSL-1.1
    APSL-1.2 APSL-2.0 Apache-1.1 Apache-2.0 Artistic-1.0 Artistic-1.0-Perl Artistic-1.0-cl8 Artistic-2.0
    BSD-1-Clause BSD-2-Clause BSD-2-Clause-Patent BSD-3-Clause BSD-3-Clause-LBNL BSL-1.0 BlueOak-1.0.0 CAL-1.0
    CAL-1.0-Combined-Work-Exception CATOSL-1.1 CDDL-1.0 CECILL-2.1 CERN-OHL-P-2.0 CERN-OHL-S-2.0 CERN-OHL-W-2.0
    CNRI-Python CPAL-1.0 CPL-1.0 CUA-OPL-1.0 ECL-1.0 ECL-2.0 EFL-1.0 EFL-2.0 EPL-1.0 EPL-2.0 EUDatagrid EUPL-1.1
    EUPL-1.2 Entessa Fair Frameworx-1.0 GPL-2.0-only GPL-2.0-or-later GPL-3.0-only GPL-3.0-or-later HPND ICU IPA
    IPL-1.0 ISC Intel LGPL-2.0-only LGPL-2.0-or-later LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0-only
    LGPL-3.0-or-later LPL-1.0 LPL-1.02 LPPL-1.3c LiLiQ-P-1.1 LiLiQ-R-1.1 LiLiQ-Rplus-1.1 MIT MIT-0
    MIT-Modern-Variant MPL-1.0 MPL-1.1 MPL-2.0 MPL-2.0-no-copyleft-exception MS-PL MS-RL MirOS Motosoto
    MulanPSL-2.0 Multics NASA-1.3 NCSA NGPL NPOSL-3.0 NTP Naumen Nokia OCLC-2.0 OFL-1.1 OFL-1.1-RFN
    OFL-1.1-no-RFN OGTSL OLDAP-2.8 OLFL-1.3 OSET-PL-2.1 OSL-1.0 OSL-2.0 OSL-2.1 OSL-3.0 PHP-3.0 PHP-3.01
    PostgreSQL Python-2.0 QPL-1.0 RPL-1.1 RPL-1.5 RPSL-1.0 RSCPL SISSL SPL-1.0 SimPL-2.0 Sleepycat UCL-1.0
    UPL-1.0 Unicode-3.0 Unicode-DFS-2016 Unlicense VSL-1.0 W3C Watcom-1.0 Xnet ZPL-2.0 ZPL-2.1 Zlib
  `),
);

const ccAttribution = currentLicenseIds.filter((id) => /^CC-BY(-SA)?-[2-4]\.\d(-[A-Z]+)?$/.test(id));

// Open data licenses in the Open Definition sense, including those MOF names for datasets and weights.
export const openDataIds: ReadonlySet<string> = new Set([
  ...words(`
    CDLA-Permissive-1.0 CDLA-Permissive-2.0 CDLA-Sharing-1.0 CC0-1.0 CC-PDDC PDDL-1.0 ODC-By-1.0 ODbL-1.0
    OGL-UK-2.0 OGL-UK-3.0 OGL-Canada-2.0 DL-DE-BY-2.0 DL-DE-ZERO-2.0 etalab-2.0 NLOD-1.0 NLOD-2.0 OpenMDW-1.0
  `),
  ...ccAttribution,
]);

// Open content licenses for prose: Creative Commons attribution/share-alike, public domain, the GNU FDL.
export const openContentIds: ReadonlySet<string> = new Set([
  ...words("CC0-1.0 CC-PDDC OpenMDW-1.0"),
  ...ccAttribution,
  ...currentLicenseIds.filter((id) => /^GFDL-1\.[123]-(no-invariants-)?(only|or-later)$/.test(id)),
]);

// Licenses that restrict who may use the work or how, beyond attribution and share-alike.
export const restrictiveIds: ReadonlySet<string> = new Set([
  ...currentLicenseIds.filter((id) => /^CC-BY-(NC|ND)(-|$)/.test(id)),
  ...words(`
    BUSL-1.1 SSPL-1.0 Elastic-2.0 PolyForm-Noncommercial-1.0.0 PolyForm-Small-Business-1.0.0 CPOL-1.02
    Hippocratic-2.1 Hippocratic-3.0-core JSON NCGL-UK-2.0
  `),
]);

// Custom refs for responsible-AI and vendor model licenses (see huggingface-table.ts) carry use restrictions.
const restrictiveRefPattern = /rail|llama|gemma|deepfloyd|non-?commercial|research/i;

const closed: LicenseClassification = { osi: false, openData: false, openContent: false, restrictive: false, open: false };

// Deprecated GNU ids mean "-only" (or "-or-later" with '+'); classify them as their replacements.
function currentForm(id: string, plus: boolean): string {
  const gnu = /^((?:A?GPL|LGPL|GFDL)-\d\.\d)(?:-with-[A-Za-z]+-exception)?$/.exec(id);
  if (gnu?.[1] !== undefined) return `${gnu[1]}-${plus ? "or-later" : "only"}`;
  return id;
}

export function classifyLicenseId(id: string, plus = false): LicenseClassification {
  const refName = /LicenseRef-(.+)$/.exec(id)?.[1];
  if (refName !== undefined) return { ...closed, restrictive: restrictiveRefPattern.test(refName) };
  const current = currentForm(id, plus);
  const osi = osiApprovedIds.has(current);
  const openData = openDataIds.has(current);
  const openContent = openContentIds.has(current);
  return { osi, openData, openContent, restrictive: restrictiveIds.has(current), open: osi || openData || openContent };
}

export function classifyLicenseNode(node: LicenseNode): LicenseClassification {
  // An exception only adds permissions, so "X WITH exception" is as open as X.
  if ("license" in node) return classifyLicenseId(node.license, node.plus === true);
  const left = classifyLicenseNode(node.left);
  const right = classifyLicenseNode(node.right);
  if (node.conjunction === "or") {
    // A choice: the recipient can take whichever branch is open.
    return {
      osi: left.osi || right.osi,
      openData: left.openData || right.openData,
      openContent: left.openContent || right.openContent,
      restrictive: left.restrictive && right.restrictive,
      open: left.open || right.open,
    };
  }
  // Both apply at once: the work is only as open as the more closed side.
  return {
    osi: left.osi && right.osi,
    openData: left.openData && right.openData,
    openContent: left.openContent && right.openContent,
    restrictive: left.restrictive || right.restrictive,
    open: left.open && right.open,
  };
}

export function classifyLicense(expression: string): LicenseClassification {
  const parsed = parseLicenseTree(expression);
  return parsed.ok ? classifyLicenseNode(parsed.value.tree) : closed;
}
