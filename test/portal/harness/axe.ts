/**
 * axe-core in the page: injects the engine (from the npm package, no network) and returns the serious and critical
 * violations of the current page, each as "rule (impact): targets — help".
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Impacts that fail a page. */
export const FAILING_IMPACTS = ["serious", "critical"];

interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Serious and critical axe-core violations of `page` (WCAG 2.x A and AA rules and best practices). */
export async function axeViolations(page: Page): Promise<string[]> {
  const injected = await page.evaluate("typeof window.axe === 'object'");
  if (injected !== true) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page.evaluate(
    "window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  )) as AxeResult[];
  return violations
    .filter((v) => v.impact !== null && FAILING_IMPACTS.includes(v.impact))
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(" "))
          .join(", ")} — ${v.help}`,
    );
}
