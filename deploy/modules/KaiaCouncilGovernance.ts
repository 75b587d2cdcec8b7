/**
 * Ignition module: the whole Governance Council system with the Kaia stake source (`KaiaStakeVault`: a member's
 * votes come from its Kaia CnStaking contracts, linked to its record by governance or through Kaia's AddressBook).
 * Parameter files with `"stakeSource": "kaia"` deploy through it; `trackerMode` picks tracker mode (true: members
 * point their CnStaking at the vault) or read mode (false: Kaia's own StakingTracker stays and anyone refreshes).
 * The vault's future id is `StakeVault`, as in the bonded module, so address files have the same keys. The order of
 * deployment, the bindings and the hand-off to the timelock are in deploy/councilSystem.ts.
 *
 * Parameters (deploy/parameters/<network>.json, section "CouncilGovernance"): see deploy/README.md.
 */
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

import { KAIA_ADDRESS_BOOK, MODULE_ID } from "../../scripts/ops/system.js";
import { VAULT_FUTURE, buildCouncilSystem } from "../councilSystem.js";

export default buildModule(MODULE_ID, (m) =>
  buildCouncilSystem(m, (b, registry, timelock) =>
    b.contract(
      "KaiaStakeVault",
      [
        registry,
        b.getParameter("addressBook", KAIA_ADDRESS_BOOK),
        b.getParameter("trackerMode"),
        b.getParameter("stakeUnit"),
        b.getParameter("unbondingPeriod"),
        b.getParameter("withdrawalWindow"),
        timelock,
      ],
      { id: VAULT_FUTURE },
    ),
  ),
);
