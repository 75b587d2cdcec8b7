/**
 * Ignition module: the whole Governance Council system with bonded stake (`StakeVault`: members bond coin or an
 * ERC-20 in the vault). Parameter files with `"stakeSource": "bonded"` (the default) deploy through it; the Kaia
 * stake source has its own module, deploy/modules/KaiaCouncilGovernance.ts. The order of deployment, the bindings
 * and the hand-off to the timelock are in deploy/councilSystem.ts, shared by both modules.
 *
 * Parameters (deploy/parameters/<network>.json, section "CouncilGovernance"): see deploy/README.md.
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { ZeroAddress } from "ethers";

import { MODULE_ID } from "../../scripts/ops/system.js";
import { VAULT_FUTURE, buildCouncilSystem } from "../councilSystem.js";

export default buildModule(MODULE_ID, (m) =>
  buildCouncilSystem(m, (b, registry, timelock) =>
    b.contract(
      "StakeVault",
      [
        registry,
        b.getParameter("stakeToken", ZeroAddress),
        b.getParameter("stakeUnit"),
        b.getParameter("unbondingPeriod"),
        b.getParameter("withdrawalWindow"),
        timelock,
      ],
      { id: VAULT_FUTURE },
    ),
  ),
);
