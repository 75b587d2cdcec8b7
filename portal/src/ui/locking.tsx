/**
 * Locking the community's stake asset: an amount field read in the asset's units (a one-line reason for wrong
 * input), and, in ERC-20 mode, the approval the contract needs first. Native mode sends the amount as the value.
 */
import { erc20Abi } from "viem";
import type { Address } from "viem";

import { assetUnits, useAllowance } from "../community";
import type { Asset } from "../community";
import { Action } from "../tx";

/** The amount typed in `text`: a number, undefined when empty, or the reason it is not an amount. */
export function AmountError({ parsed }: { parsed: bigint | string | undefined }) {
  if (typeof parsed !== "string") return null;
  return (
    <p role="alert" className="error">
      {parsed}
    </p>
  );
}

/**
 * In ERC-20 mode, an "Approve" action while the account's allowance to `spender` is below `amount`; nothing in
 * native mode. Returns whether the payment is ready (native, or allowance enough).
 */
export function useApproval(asset: Asset, spender: Address, amount: bigint | undefined): boolean {
  const allowance = useAllowance(asset, spender);
  if (asset.native || amount === undefined) return true;
  return allowance !== undefined && allowance >= amount;
}

export function Approve({
  asset,
  spender,
  amount,
  what,
}: {
  asset: Asset;
  spender: Address;
  amount: bigint;
  what: string;
}) {
  return (
    <Action
      label={`Approve ${assetUnits(amount, asset)} ${asset.symbol} for ${what}`}
      what={`approve ${asset.symbol}`}
      call={{ address: asset.address, abi: erc20Abi, functionName: "approve", args: [spender, amount] }}
    />
  );
}
