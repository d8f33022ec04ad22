// Lint: typescript-eslint's recommended rules, no import cycles, and the layering of the folders:
//   bot/ → dialogs/ → cards/ → data/, core/
// cards/ (layout) and data/ (Cosmos) never reach up into dialogs/ (features); core/ (shared machinery)
// reaches into none of the feature layers; only bot/ talks to Bot Framework and restify, so a move to
// another Teams SDK touches one folder. Tests, benchmarks and scripts drive the real server and may use
// them too (they build activities and start restify through bot/).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

const frameworks = (message) => [
  { name: "botbuilder", message },
  { name: "botframework-connector", message },
  { name: "botbuilder-core", message },
  { name: "restify", message },
];
const noFrameworks = frameworks("Only bot/ talks to Bot Framework and restify.");
const layer = (folders, why) =>
  folders.map((f) => ({ group: [`**/${f}/**`, `../${f}/*`, `../../${f}/*`], message: why }));

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "test/e2e/artifacts/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    files: ["**/*.ts"],
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })] },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
      "import-x/no-useless-path-segments": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["dialogs/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: noFrameworks,
          patterns: layer(["bot"], "dialogs/ is framework-free; bot/ calls it, not the other way."),
        },
      ],
    },
  },
  {
    files: ["cards/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: noFrameworks,
          patterns: layer(["dialogs", "bot"], "cards/ holds layout: it takes data from features, never imports them."),
        },
      ],
    },
  },
  {
    files: ["data/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: noFrameworks, patterns: layer(["dialogs", "cards", "bot"], "data/ is below the features and cards.") },
      ],
    },
  },
  {
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: noFrameworks,
          patterns: layer(["dialogs", "cards", "bot"], "core/ is shared machinery below features."),
        },
      ],
    },
  },
  {
    files: ["scripts/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { paths: noFrameworks }] },
  },
  {
    // Tests replace parts with stand-ins and read JSON of unknown shape.
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly" } },
  },
);
