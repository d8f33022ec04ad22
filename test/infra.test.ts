import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Language, Parser, type Node } from "web-tree-sitter";
import { settingNames } from "../core/config";
import { containerSpecs } from "../data/containers";
import { METRIC_NAMES } from "../core/telemetry";

// infra/ against the code. No Bicep compiler runs offline (the Bicep CLI is a .NET program that
// bicep-node downloads at run time), so the files are parsed with the Bicep tree-sitter grammar: syntax,
// names that resolve, module parameters that match. Then the deployment is held to what the code needs:
// every setting of core/config.ts set or listed as left to its default, every container of
// data/containers.ts declared with its partition key, and the production choices of the issue.

const INFRA = join(__dirname, "..", "infra");
const read = (file: string) => readFileSync(join(INFRA, file), "utf8");
let parser: Parser;

beforeAll(async () => {
  await Parser.init();
  parser = new Parser();
  // Bytes, not a path: loading by path uses a dynamic import that jest does not allow.
  parser.setLanguage(await Language.load(readFileSync(require.resolve("tree-sitter-bicep/tree-sitter-bicep.wasm"))));
});

function* nodes(node: Node): Generator<Node> {
  yield node;
  for (const child of node.namedChildren) if (child) yield* nodes(child);
}

const DECLARATIONS = [
  "parameter_declaration",
  "variable_declaration",
  "resource_declaration",
  "module_declaration",
  "output_declaration",
];
/** Bicep functions and decorators these files may call. */
const FUNCTIONS = new Set(
  (
    "secure description minLength maxLength minValue maxValue allowed metadata uniqueString subscription resourceGroup " +
    "tenant take guid join string union subscriptionResourceId resourceId concat toLower format environment int"
  ).split(" "),
);

function problemsOf(file: string, source = read(file)): string[] {
  const tree = parser.parse(source)!;
  const problems: string[] = [];
  const declared = new Set<string>();
  for (const n of nodes(tree.rootNode)) {
    if (n.isError || n.isMissing)
      problems.push(`${file}:${n.startPosition.row + 1}: syntax error near ${JSON.stringify(n.text.slice(0, 40))}`);
    if (DECLARATIONS.includes(n.type)) declared.add(n.namedChildren.find((c) => c?.type === "identifier")!.text);
    if (n.type === "for_statement") declared.add(n.namedChildren.find((c) => c?.type === "identifier")!.text);
  }
  for (const n of nodes(tree.rootNode)) {
    if (n.type !== "identifier") continue;
    const parent = n.parent!;
    const first = parent.namedChildren[0]?.equals(n);
    if (first && (DECLARATIONS.includes(parent.type) || parent.type === "object_property")) continue;
    if (first && parent.type === "call_expression") {
      if (!FUNCTIONS.has(n.text)) problems.push(`${file}:${n.startPosition.row + 1}: unknown function ${n.text}`);
      continue;
    }
    if (!declared.has(n.text)) problems.push(`${file}:${n.startPosition.row + 1}: ${n.text} is not declared`);
  }
  return problems;
}

/** Names declared with `param` in a file. */
function paramsOf(file: string): string[] {
  return [...nodes(parser.parse(read(file))!.rootNode)]
    .filter((n) => n.type === "parameter_declaration")
    .map((n) => n.namedChildren.find((c) => c?.type === "identifier")!.text);
}

describe("infra/ Bicep", () => {
  const files = readdirSync(INFRA).filter((f) => f.endsWith(".bicep"));

  it("parses, and every name it uses is declared", () => {
    expect(files).toEqual(expect.arrayContaining(["main.bicep", "resources.bicep"]));
    expect(files.flatMap((f) => problemsOf(f))).toEqual([]);
  });

  it("catches a syntax error and an undeclared name (the checker itself)", () => {
    const good = read("resources.bicep");
    const typo = good.replace("serverFarmId: plan.id", "serverFarmId: pln.id");
    expect(problemsOf("typo.bicep", typo)).toEqual([expect.stringMatching(/typo\.bicep:\d+: pln is not declared/)]);
    const call = good.replace("uniqueString(", "uniqeString(");
    expect(problemsOf("call.bicep", call)).toEqual([expect.stringMatching(/unknown function uniqeString/)]);
    const broken = good.replace("httpsOnly: true", "httpsOnly: true }");
    expect(problemsOf("broken.bicep", broken).join("\n")).toMatch(/syntax error/);
  });

  it("passes every parameter resources.bicep declares, and only those", () => {
    const main = read("main.bicep");
    const block = /module resources 'resources\.bicep' = \{[\s\S]*?params: \{([\s\S]*?)\n {2}\}/.exec(main)![1];
    const passed = [...block.matchAll(/^\s+(\w+):/gm)].map((m) => m[1]).sort();
    expect(passed).toEqual(paramsOf("resources.bicep").sort());
  });

  it("has a parameter file for azd naming exactly the parameters of main.bicep", () => {
    const parameters = JSON.parse(read("main.parameters.json")).parameters as Record<string, unknown>;
    expect(Object.keys(parameters).sort()).toEqual(paramsOf("main.bicep").sort());
  });
});

describe("infra/ and the code", () => {
  const resources = read("resources.bicep");
  const appSettings = new Map(
    [...resources.matchAll(/\{ name: '([A-Za-z_]+)', value: (.+) \}$/gm)].map((m) => [m[1], m[2]] as const),
  );
  const leftToDefaults = /settings-left-to-defaults:([\s\S]*?)\n\s*\/\/ \(/
    .exec(resources)![1]
    .replace(/\/\//g, "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

  it("sets every setting of core/config.ts or lists it as left to its default, and nothing unknown", () => {
    const platform = (name: string) => /^(SCM|WEBSITE)_/.test(name) && !settingNames.includes(name as never);
    const set = [...appSettings.keys()].filter((n) => !platform(n));
    expect(set.filter((n) => leftToDefaults.includes(n))).toEqual([]); // not both
    expect([...set, ...leftToDefaults].sort()).toEqual([...settingNames].sort());
  });

  it("runs the bot as its managed identity, without keys or client secrets", () => {
    expect(appSettings.get("MicrosoftAppType")).toBe("'UserAssignedMSI'");
    expect(appSettings.get("MicrosoftAppId")).toBe("identity.properties.clientId");
    expect(appSettings.get("MicrosoftAppTenantId")).toBe("identity.properties.tenantId");
    expect(appSettings.has("MicrosoftAppPassword")).toBe(false);
    expect(appSettings.has("COSMOS_KEY")).toBe(false);
    expect(resources).toMatch(/disableLocalAuth: true\n\s+disableKeyBasedMetadataWriteAccess: true/);
    expect(resources).toMatch(/msaAppType: 'UserAssignedMSI'\n\s+msaAppId: identity\.properties\.clientId/);
    expect(resources).toMatch(/sqlRoleDefinitions\/00000000-0000-0000-0000-000000000002/); // Data Contributor
  });

  it("reads the two secrets through Key Vault references", () => {
    for (const name of ["PSEUDONYM_SECRET", "EVALUATION_SECRET"])
      expect(appSettings.get(name)).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{\w+\.properties\.secretUri\}\)'$/);
    expect(resources).toMatch(/keyVaultReferenceIdentity: identity\.id/);
  });

  it("declares every container with the partition key of data/containers.ts", () => {
    const declared = [...resources.matchAll(/\{ name: '(\w+)', partitionKey: '([^']+)' \}/g)].map((m) => ({
      id: m[1],
      partitionKeyPath: m[2],
    }));
    const expected = Object.values(containerSpecs).map((c) => ({ id: c.id, partitionKeyPath: c.partitionKeyPath }));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(declared.sort(byId)).toEqual(expected.sort(byId));
    expect(resources).toMatch(/databaseName = '([^']+)'/);
    expect(/databaseName = '([^']+)'/.exec(resources)![1]).toBe("samverkansboten"); // COSMOS_DATABASE's default
  });

  it("runs the build on Node 24 LTS with Always On and the health check, and starts it as package.json does", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8"));
    expect(resources).toMatch(/linuxFxVersion: 'NODE\|24-lts'/);
    expect(resources).toMatch(/alwaysOn: true/);
    expect(resources).toMatch(/healthCheckPath: '\/healthz'/);
    expect(/appCommandLine: '([^']+)'/.exec(resources)![1]).toBe(pkg.scripts["start:prod"]);
  });

  it("defaults to Sweden Central, serverless Cosmos DB with continuous backup, and alerts", () => {
    expect(read("main.bicep")).toMatch(/param location string = 'swedencentral'/);
    expect(resources).toMatch(/capabilities: \[\{ name: 'EnableServerless' \}\]/);
    expect(resources).toMatch(/type: 'Continuous'/);
    for (const alert of ["Http5xx", "HealthCheckStatus", METRIC_NAMES.deliveries, METRIC_NAMES.storeErrors])
      expect(resources).toContain(alert);
  });

  it("alerts only on metrics the bot emits", () => {
    const queried = [...resources.matchAll(/name == "(samverkansboten\.[a-z.]+)"/g)].map((m) => m[1]);
    expect(queried.length).toBeGreaterThanOrEqual(3);
    expect(queried.filter((n) => !(Object.values(METRIC_NAMES) as string[]).includes(n))).toEqual([]);
  });

  it("sends telemetry as the managed identity: Application Insights takes no key-only ingestion", () => {
    expect(resources).toMatch(/Application_Type: 'Node.JS'[\s\S]*?DisableLocalAuth: true/);
    // Monitoring Metrics Publisher on the Application Insights resource, for the bot's identity.
    expect(resources).toMatch(
      /scope: appInsights\n\s+properties: \{\n\s+roleDefinitionId: subscriptionResourceId\(\n\s+'Microsoft.Authorization\/roleDefinitions',\n\s+'3913510d-42f4-4e42-8a64-420c390055eb'/,
    );
    expect(appSettings.get("APPLICATIONINSIGHTS_CONNECTION_STRING")).toBe("appInsights.properties.ConnectionString");
  });
});
