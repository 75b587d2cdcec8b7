/**
 * Deployment checks (deploy/README.md):
 *
 * - `verify-deployment`: the role matrix and every parameter of a deployed system against its parameter file, one
 *   PASS/FAIL line per check, exit code 1 on any FAIL (logic in scripts/ops/verify.ts);
 * - a guard on `ignition deploy`: a parameter file of the CouncilGovernance module is checked (shape, no
 *   `"<replace: …>"` placeholder left, and a `stakeSource` that matches the module's vault) before Ignition sends
 *   anything.
 *
 * Imported by hardhat.config.ts: nothing generated (typechain-types) is loaded until a task runs.
 */
import { overrideTask } from "hardhat/config";
import type { TaskDefinition } from "hardhat/types/tasks";

import { opsTask, runOps, taskConnection } from "./cli.js";

const verifyDeployment = opsTask(
  ["verify-deployment"],
  "Check the role matrix and every parameter of a deployment against its parameter file (PASS/FAIL per check)",
)
  .addOption({
    name: "parameters",
    description: "Parameter file (default: deploy/parameters/<network>.json)",
    defaultValue: "",
  })
  .addOption({
    name: "deployer",
    description: "The account that deployed the system: checked to hold no timelock role",
    defaultValue: "",
  })
  .setInlineAction(async (args, hre) => {
    await runOps(hre, args, async (contracts, print) => {
      const { OpsError } = await import("../ops/errors.js");
      const { defaultParameterFile, readParameters } = await import("../ops/parameters.js");
      const { failedChecks, formatCheck, summarize, verifyDeployment } = await import("../ops/verify.js");
      const { isAddress } = await import("ethers");

      const { networkName } = await taskConnection(hre);
      const file =
        args.parameters !== "" ? args.parameters : defaultParameterFile(hre.config.paths.root, networkName);
      const parameters = readParameters(file);
      if (args.deployer !== "" && !isAddress(args.deployer)) {
        throw new OpsError(`--deployer ${args.deployer}: not an address (0x and 40 hex digits)`);
      }
      const deployer = args.deployer === "" ? undefined : args.deployer;

      const checks = await verifyDeployment(contracts, parameters, { deployer });
      for (const check of checks) print(formatCheck(check));
      print(summarize(checks));
      if (failedChecks(checks).length > 0) process.exitCode = 1;
    });
  })
  .build();

/**
 * `ignition deploy` with a parameter file that has a CouncilGovernance section: the file is checked first, and a
 * malformed file, a placeholder or a stake source that is not the module's stops the deploy with one line before
 * any transaction.
 */
const guardDeploy = overrideTask(["ignition", "deploy"])
  .setInlineAction(async (args, hre, runSuper) => {
    const file: unknown = args.parameters;
    if (typeof file === "string" && file.endsWith(".json")) {
      const { readFileSync } = await import("node:fs");
      const { describeError } = await import("../ops/errors.js");
      const { checkModuleStakeSource, hasModuleSection, moduleVaultContract, readParameters } =
        await import("../ops/parameters.js");
      try {
        let json: unknown;
        try {
          json = JSON.parse(readFileSync(file, "utf8"));
        } catch {
          json = undefined; // Ignition reports unreadable files itself.
        }
        if (hasModuleSection(json)) {
          const parameters = readParameters(file);
          // Both modules share the module id; the vault each deploys says which stake source it is for.
          const modulePath: unknown = args.modulePath;
          if (typeof modulePath === "string") {
            const { pathToFileURL } = await import("node:url");
            const path = await import("node:path");
            const module: unknown = (
              (await import(pathToFileURL(path.resolve(hre.config.paths.root, modulePath)).href)) as {
                default?: unknown;
              }
            ).default;
            checkModuleStakeSource(parameters, moduleVaultContract(module), modulePath, file);
          }
        }
      } catch (error) {
        console.error(`Error: ${describeError(error)}`);
        process.exitCode = 1;
        return;
      }
    }
    return runSuper(args);
  })
  .build();

export const verifyTasks: TaskDefinition[] = [verifyDeployment, guardDeploy];
