/**
 * Identifiers of the deployed system, each written once: the Ignition module and future ids of the deployed contracts
 * (the keys of every address file) and the reserve functions that the deploy module classifies Treasury. The Solidity
 * enums are in enums.ts.
 *
 * The CLI, the deploy module, the benchmark, the tests and the package build import them from here. The file imports
 * nothing and uses only erasable TypeScript, so plain `node` runs the package build that imports it.
 */

/**
 * The Ignition module id of both deploy modules (deploy/modules/CouncilGovernance.ts for bonded stake,
 * deploy/modules/KaiaCouncilGovernance.ts for the Kaia stake source) and the parameter files' section. One id for
 * both, so that every address file has the same keys whatever the stake source.
 */
export const MODULE_ID = "CouncilGovernance";

/**
 * Where the council's stake comes from, chosen at deployment by the parameter file's `stakeSource`: coin bonded in
 * the vault (`StakeVault`), or the members' Kaia CnStaking contracts (`KaiaStakeVault`). Each has its own deploy
 * module; both deploy the vault under the future id `CouncilGovernance#StakeVault`.
 */
export const STAKE_SOURCES = {
  bonded: { contract: "StakeVault", module: "deploy/modules/CouncilGovernance.ts" },
  kaia: { contract: "KaiaStakeVault", module: "deploy/modules/KaiaCouncilGovernance.ts" },
} as const;
export type StakeSource = keyof typeof STAKE_SOURCES;

/** Kaia's AddressBook system contract, at the same address on Kaia and Kairos (the Kaia module's default). */
export const KAIA_ADDRESS_BOOK = "0x0000000000000000000000000000000000000400";

/**
 * Each deployed contract, by the key the CLI, the package's `addresses` and the address files use. The vault's future
 * id is `CouncilGovernance#StakeVault` in both modules: with the Kaia stake source it holds a KaiaStakeVault (a
 * StakeVault with the CnStaking functions; see hasKaiaVault in deployment.ts).
 */
export const DEPLOYED_CONTRACTS = {
  registry: "CouncilRegistry",
  vault: "StakeVault",
  governor: "CouncilGovernor",
  lens: "CouncilGovernorLens",
  policy: "MotionPolicy",
  reserve: "ImprovementReserve",
  timelock: "TimelockController",
} as const;
export type ContractKey = keyof typeof DEPLOYED_CONTRACTS;
export type DeployedContractName = (typeof DEPLOYED_CONTRACTS)[ContractKey];
export const CONTRACT_KEYS = Object.keys(DEPLOYED_CONTRACTS) as ContractKey[];

/**
 * The community contracts (docs/architecture.md, "Decentralization phases"), by key: deployed by the module, but
 * optional in an address file, since deployments made before them lack them.
 */
export const COMMUNITY_CONTRACTS = {
  advisors: "AdvisorBoard",
  voteExtension: "VoteExtension",
  petitions: "CommunityPetitions",
  veto: "CommunityVeto",
} as const;
export type CommunityContractKey = keyof typeof COMMUNITY_CONTRACTS;
export const COMMUNITY_CONTRACT_KEYS = Object.keys(COMMUNITY_CONTRACTS) as CommunityContractKey[];

/** Ignition's future id of a community contract. */
export function communityFutureId(key: CommunityContractKey): string {
  return `${MODULE_ID}#${COMMUNITY_CONTRACTS[key]}`;
}

/** The key of a contract a proposal file may name: a core contract but the lens, or a community contract. */
export type GovernedContractKey = Exclude<ContractKey, "lens"> | CommunityContractKey;

/**
 * The contracts a proposal file may name as a target or an address argument (every deployed one but the read-only
 * lens, the community contracts included), by name: the address each name stands for is the deployment's address
 * under the key. A community contract's name is an error when the address file lacks it (see isCommunityKey).
 */
export const GOVERNED_CONTRACTS: Readonly<Record<string, GovernedContractKey>> = Object.fromEntries([
  ...CONTRACT_KEYS.filter((key) => key !== "lens").map((key) => [DEPLOYED_CONTRACTS[key], key]),
  ...COMMUNITY_CONTRACT_KEYS.map((key) => [COMMUNITY_CONTRACTS[key], key]),
]);

/** Whether a governed contract's key is a community contract's (optional in an address file). */
export function isCommunityKey(key: string): key is CommunityContractKey {
  return Object.hasOwn(COMMUNITY_CONTRACTS, key);
}

/** Ignition's future id of a deployed contract: the key in deployed_addresses.json. */
export function futureId(key: ContractKey): `${typeof MODULE_ID}#${DeployedContractName}` {
  return `${MODULE_ID}#${DEPLOYED_CONTRACTS[key]}`;
}

/**
 * The Improvement Reserve's functions that the deploy module classifies Treasury: payments, budgets, grants and
 * collectibles. Its other governed functions (outflow limit, guardian, pause duration, unpause) stay Constitutional.
 */
export const RESERVE_TREASURY_FUNCTIONS = [
  "pay(address,address,uint256,string)",
  "approveBudget(bytes32,address,address,uint256,uint256,uint256)",
  "cancelBudget(uint256)",
  "createGrant(address,address,uint256,uint256,uint256,uint256)",
  "cancelGrant(uint256)",
  "transferCollectible(address,address,uint256,uint256,string)",
] as const;

/** The reserve's governed functions that stay Constitutional (no entry in the policy). */
export const RESERVE_CONSTITUTIONAL_FUNCTIONS = [
  "setOutflowLimit(address,uint256)",
  "setGuardian(address,uint256)",
  "setPauseDuration(uint256)",
  "unpause()",
] as const;

/** A function's name from its signature: "pay(address,address,uint256,string)" → "pay". */
export function functionName<S extends string>(signature: S): S extends `${infer N}(${string}` ? N : string {
  return signature.slice(0, signature.indexOf("(")) as S extends `${infer N}(${string}` ? N : string;
}

/**
 * Defaults of the deploy module's community parameters (docs/architecture.md, "Defaults and bounds"), in seconds and
 * in the smallest unit of an 18-decimal asset: a 14-day petition window, 5,000,000 coins of support and a
 * 10,000-coin bond; a 7-day veto window and 10,000,000 coins of opposition (the veto phase is deployed off).
 */
export const COMMUNITY_DEFAULTS = {
  petitionWindow: 1_209_600n,
  petitionThreshold: 5_000_000n * 10n ** 18n,
  petitionBond: 10_000n * 10n ** 18n,
  vetoWindow: 604_800n,
  vetoThreshold: 10_000_000n * 10n ** 18n,
} as const;

/** Members per bootstrap transaction of the deploy module (about 270,000 gas each with two nodes). */
export const BOOTSTRAP_BATCH_SIZE = 20;
/** Bootstrap transactions of the deploy module: enough for a council of 255 (13 × 20 = 260). */
export const BOOTSTRAP_BATCHES = 13;

/** The parameter that holds bootstrap batch `index` (0-based): `initialMembers`, then `initialMembers2`, … */
export function bootstrapBatchKey(index: number): string {
  return index === 0 ? "initialMembers" : `initialMembers${index + 1}`;
}
