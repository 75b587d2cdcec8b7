/**
 * A fresh in-process chain for the benchmark, with a deterministic clock: every transaction is mined alone in its
 * own block, at a timestamp the script chooses, starting from a fixed genesis date. Gas figures then never depend on
 * the wall clock (day buckets, checkpoint keys) nor on gas estimation.
 */
import type { BaseContract, Overrides, TransactionReceipt, TransactionResponse, Wallet } from "ethers";
import { network } from "hardhat";

import { TX_GAS_CAP } from "./report.js";

export type Connection = Awaited<ReturnType<typeof network.create>>;
export type Ethers = Connection["ethers"];

/** Genesis of every benchmark chain (a fixed date, so every timestamp is the same from run to run). */
export const GENESIS_DATE = "2026-01-05T00:00:00Z";
/**
 * The benchmark's chains lift EIP-7825's 16,777,216 per-transaction cap (Osaka) and the default 60M block, so that a
 * transaction over the cap is measured and reported by {Chain.send} (which fails the benchmark with its figure)
 * rather than refused by the node with no figure. The tests' network is left as it is.
 */
export const BLOCK_GAS_LIMIT = 1_000_000_000n;
/** Gas limit sent with every transaction, so that none is estimated (estimation would run at another time). */
export const TX_GAS_LIMIT = 900_000_000n;

export class Chain {
  readonly connection: Connection;
  readonly ethers: Ethers;
  readonly hardfork: string;
  /**
   * Timestamp of the last mined block (every block is mined through this class), or one second before the time
   * chosen by {travelTo}/{travel} for the next one.
   */
  private last: bigint;
  /** The largest gasUsed since {resetLargest}. */
  private largest = 0n;

  private constructor(connection: Connection, hardfork: string, last: bigint) {
    this.connection = connection;
    this.ethers = connection.ethers;
    this.hardfork = hardfork;
    this.last = last;
  }

  /** Opens a new in-process chain (a new EDR instance: nothing is shared with other chains). */
  static async open(): Promise<Chain> {
    const connection = await network.create({
      override: {
        blockGasLimit: BLOCK_GAS_LIMIT,
        transactionGasCap: false,
        // The same council's registry deployment also carries more than EIP-3860's 49,152 bytes of init code.
        allowUnlimitedContractSize: true,
        initialDate: GENESIS_DATE,
      },
    });
    const config = connection.networkConfig;
    const hardfork = config.type === "edr-simulated" ? config.hardfork : "unknown";
    const latest = await connection.networkHelpers.time.latest();
    return new Chain(connection, hardfork, BigInt(latest));
  }

  /** Timestamp of the last mined block (after a travel: one second before the next block's). */
  get now(): bigint {
    return this.last;
  }

  /** The next transaction is mined at `timestamp` (or one second after the last block, if later). */
  travelTo(timestamp: bigint): void {
    if (timestamp - 1n > this.last) this.last = timestamp - 1n;
  }

  /** The next transaction is mined `seconds` after the last block. */
  travel(seconds: bigint): void {
    this.last += seconds - 1n;
  }

  /**
   * Sends one transaction, mined alone in a block one second after the previous one (or at the time chosen by
   * {travelTo}); returns its receipt, and throws if it reverted.
   */
  async send(submit: (overrides: Overrides) => Promise<TransactionResponse>): Promise<TransactionReceipt> {
    this.last += 1n;
    await this.connection.networkHelpers.time.setNextBlockTimestamp(this.last);
    const tx = await submit({ gasLimit: TX_GAS_LIMIT });
    const receipt = await tx.wait();
    if (receipt === null || receipt.status !== 1) throw new Error(`transaction ${tx.hash} failed`);
    return this.checked(receipt, tx.data);
  }

  /**
   * Fails the benchmark when a transaction used more than EIP-7825's per-transaction gas cap (naming the called
   * function's selector, or the deployment), and records the largest gasUsed for {largestGas}.
   */
  private checked(receipt: TransactionReceipt, data: string): TransactionReceipt {
    if (receipt.gasUsed > BigInt(TX_GAS_CAP)) {
      const what =
        receipt.to === null
          ? "a contract deployment"
          : `a call to ${receipt.to} (selector ${data.slice(0, 10)})`;
      throw new Error(
        `transaction ${receipt.hash}, ${what}, used ${receipt.gasUsed} gas: over EIP-7825's per-transaction cap of ` +
          `${TX_GAS_CAP} gas`,
      );
    }
    if (receipt.gasUsed > this.largest) this.largest = receipt.gasUsed;
    return receipt;
  }

  /** Starts a new measurement of the largest transaction ({largestGas}). */
  resetLargest(): void {
    this.largest = 0n;
  }

  /** The largest gasUsed of the transactions mined since {resetLargest}. */
  get largestGas(): bigint {
    return this.largest;
  }

  /** Sends one transaction (as {send}) and returns its gasUsed. */
  async gas(submit: (overrides: Overrides) => Promise<TransactionResponse>): Promise<bigint> {
    return (await this.send(submit)).gasUsed;
  }

  /**
   * Runs a deployment in its own block (as {send}, with the same gas-cap check); `deploy` receives the overrides to
   * pass on.
   */
  async deploy<T extends BaseContract>(deploy: (overrides: Overrides) => Promise<T>): Promise<T> {
    this.last += 1n;
    await this.connection.networkHelpers.time.setNextBlockTimestamp(this.last);
    const contract = await deploy({ gasLimit: TX_GAS_LIMIT });
    const tx = contract.deploymentTransaction();
    const receipt = await tx?.wait();
    if (!tx || !receipt || receipt.status !== 1) throw new Error("deployment not mined");
    this.checked(receipt, tx.data);
    return contract;
  }

  /**
   * A wallet with a key derived from `label` (the same account in every run: random keys would change the
   * calldata's zero bytes, and so the gas, from run to run), funded with `balance`.
   */
  async wallet(label: string, balance: bigint): Promise<Wallet> {
    const key = this.ethers.id(`gc-governance benchmark: ${label}`);
    const wallet = new this.ethers.Wallet(key, this.ethers.provider);
    await this.connection.networkHelpers.setBalance(wallet.address, balance);
    return wallet;
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
