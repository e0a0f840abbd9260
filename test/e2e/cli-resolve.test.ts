/**
 * `--resolve <url-prefix>=<folder>` and `--allow-network`, through the real CLI as a child process.
 * The network part uses a real HTTP server on 127.0.0.1 and counts the requests it gets.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { ExitCode } from "../../generator/errors";
import { CLI, REPO_ROOT } from "../helpers/paths";
import { runCli, type RunResult } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const MAIN = "test/fixtures/refs/main.schema.json";
const MONEY = path.join(REPO_ROOT, "test", "fixtures", "refs", "remote", "money");
const dir = tempDir();

test("--resolve maps a remote base to a folder; --resolve'd files resolve their own relative refs", () => {
  const out = path.join(dir, "resolved");
  const result = runCli(["generate", "--schema", MAIN, "--out", out, "--emit", "types", "--quiet", "--resolve", `https://schemas.example.test/money/=${path.relative(REPO_ROOT, MONEY)}`]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const types = readFileSync(path.join(out, "src", "types.ts"), "utf8");
  expect(types).toMatch(/export interface Money \{[^}]*currency: Currency;/);
  expect(types).toContain('export type Currency = "EUR" | "USD";');
});

test("without a mapping and without --allow-network: one-line error, exit code, previous output intact", () => {
  const out = path.join(dir, "kept");
  mkdirSync(path.join(out, "src"), { recursive: true });
  writeFileSync(path.join(out, "src", "types.ts"), "// previous output\n");
  const result = runCli(["generate", "--schema", MAIN, "--out", out, "--emit", "types"]);
  expect(result.status).not.toBe(0);
  expect(result.stderr).toBe(
    `koala-codegen: ${MAIN}#/properties/price/$ref: $ref to remote https://schemas.example.test/money/money.json is not fetched without --allow-network; map it with --resolve <prefix>=<folder>\n`,
  );
  expect(readFileSync(path.join(out, "src", "types.ts"), "utf8")).toBe("// previous output\n");
});

test("a malformed --resolve is a usage error", () => {
  const result = runCli(["generate", "--schema", MAIN, "--out", path.join(dir, "x"), "--resolve", "no-equals-sign"]);
  expect(result.status).toBe(ExitCode.usage);
  expect(result.stderr).toContain('--resolve expects <url-prefix>=<folder>, got "no-equals-sign"');
  expect(existsSync(path.join(dir, "x"))).toBe(false);
});

const MONEY_YAML = `title: YamlMoney
type: object
required: [amount, currency]
properties:
  amount:
    type: number
  currency:
    $ref: currency.json
`;

describe("the network is touched only with --allow-network", () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? "");
      if (request.url === "/money.yaml") {
        // A remote YAML document, parsed by json-schema-ref-parser from the text we fetched.
        response.writeHead(200, { "content-type": "application/yaml" }).end(MONEY_YAML);
        return;
      }
      const file = path.join(MONEY, path.basename(request.url ?? ""));
      if (!existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      // Served without its $id, so that relative refs resolve against the server's URL.
      const schema = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      delete schema.$id;
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(schema));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    writeFileSync(path.join(dir, "remote.schema.json"), JSON.stringify({ title: "Priced", type: "object", properties: { price: { $ref: `${base}money.json` } } }));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // spawnSync would block this process's event loop, and with it the server: run the CLI async.
  function runCliAsync(args: string[]): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
  }

  test("off by default: no request reaches the server", async () => {
    const result = await runCliAsync(["generate", "--schema", path.join(dir, "remote.schema.json"), "--out", path.join(dir, "offline"), "--emit", "types"]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`$ref to remote ${base}money.json is not fetched without --allow-network`);
    expect(requests).toEqual([]);
  });

  /** `generate --allow-network` of a schema in `dir`: the generated types and the paths it requested. */
  async function generateOnline(schemaFile: string, outName: string): Promise<{ types: string; requested: string[] }> {
    const out = path.join(dir, outName);
    const before = requests.length;
    const result = await runCliAsync(["generate", "--schema", path.join(dir, schemaFile), "--out", out, "--emit", "types", "--allow-network", "--quiet"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    return { types: readFileSync(path.join(out, "src", "types.ts"), "utf8"), requested: requests.slice(before).sort() };
  }

  test("--allow-network reads a remote YAML document and follows its references", async () => {
    writeFileSync(path.join(dir, "remote-yaml.schema.json"), JSON.stringify({ title: "PricedYaml", type: "object", properties: { price: { $ref: `${base}money.yaml` } } }));
    const { types, requested } = await generateOnline("remote-yaml.schema.json", "online-yaml");
    expect(requested).toEqual(["/currency.json", "/money.yaml"]);
    expect(types).toMatch(/export interface YamlMoney \{[^}]*amount: number;[^}]*currency: Currency;/);
  });

  test("--allow-network fetches the document and what it references", async () => {
    const { types, requested } = await generateOnline("remote.schema.json", "online");
    expect(requested).toEqual(["/currency.json", "/money.json"]);
    expect(types).toMatch(/export interface Money \{[^}]*currency: Currency;/);
  });
});
