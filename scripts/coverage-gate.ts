/**
 * Coverage gate: runs the whole suite with `hardhat test --coverage` and fails unless every contract outside
 * contracts/mocks/ and contracts/bench/ (the benchmark's stock baseline) has at least MIN_COVERAGE % of its lines
 * and of its statements covered.
 *
 * Hardhat prints statement coverage only in its report table (lcov carries lines alone), so the gate reads the
 * table. Fuzz and invariant tests run with the `quick` Solidity test profile here: coverage needs every path,
 * not 1,000 runs; `npm test` runs them at full strength.
 *
 * Usage: node scripts/coverage-gate.ts [minimum percent, default 95]
 */
import { spawn } from "node:child_process";

const MIN_COVERAGE = Number(process.argv[2] ?? "95");
// Test mocks and the benchmark's stock OpenZeppelin baseline are not product contracts.
const EXCLUDED = /^contracts\/(mocks|bench)\//;

interface FileCoverage {
  path: string;
  lines: number;
  statements: number;
}

function run(): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["hardhat", "test", "--coverage", "--test-profile", "quick"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

export function parseReport(output: string): FileCoverage[] {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
  const rows: FileCoverage[] = [];
  for (const line of plain.split("\n")) {
    const cells = line
      .split(/[║│]/)
      .map((c) => c.trim())
      .filter((c) => c.length > 0);
    if (cells.length >= 3 && cells[0].endsWith(".sol") && /^\d+(\.\d+)?$/.test(cells[1])) {
      rows.push({ path: cells[0], lines: Number(cells[1]), statements: Number(cells[2]) });
    }
  }
  return rows;
}

const { code, output } = await run();
if (code !== 0) {
  console.error(`coverage gate: the test run failed (exit ${code}); fix the failing tests first.`);
  process.exit(code);
}
const files = parseReport(output).filter((f) => !EXCLUDED.test(f.path));
if (files.length === 0) {
  console.error("coverage gate: no coverage table found in Hardhat's output.");
  process.exit(1);
}
const failures = files.filter((f) => f.lines < MIN_COVERAGE || f.statements < MIN_COVERAGE);
console.log(`\ncoverage gate (>= ${MIN_COVERAGE}% lines and statements, per contract, mocks excluded):`);
for (const f of files) {
  const ok = f.lines >= MIN_COVERAGE && f.statements >= MIN_COVERAGE;
  console.log(`  ${ok ? "PASS" : "FAIL"}  ${f.path}  lines ${f.lines}%  statements ${f.statements}%`);
}
if (failures.length > 0) {
  console.error(`coverage gate: ${failures.length} contract(s) below ${MIN_COVERAGE}%.`);
  process.exit(1);
}
