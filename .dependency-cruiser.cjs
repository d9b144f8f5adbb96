// The import graph's shape, checked by `npm run lint:deps` (part of `npm run lint`): no circles between files, and none
// between folders. eslint.config.mjs checks each import's layer file by file; a circle needs the whole graph, so it is here.
/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-file-cycle",
      severity: "error",
      comment:
        "A module must not reach itself through its imports. Move the shared type or function to the module it belongs to, or split the file, so imports flow one way.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-folder-cycle",
      severity: "error",
      comment:
        "Folders depend on each other one way (lib/spaces -> lib/charter -> lib/record, never back), even when no single file closes the circle. Move the piece to the folder that owns it.",
      scope: "folder",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules"] },
    exclude: { path: ["^lib/generated/", "(^|/)node_modules/", "^\\.next/"] },
    // Type-only imports tie two modules together as much as value imports do, so they count.
    tsPreCompilationDeps: true,
    // Resolves the @/ alias.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
