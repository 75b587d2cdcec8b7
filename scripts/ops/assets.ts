/**
 * Display units of the assets the system holds: the native coin, or an ERC-20 read from its own metadata.
 */
import { Contract, ZeroAddress } from "ethers";
import type { Provider } from "ethers";

import { NATIVE } from "./format.js";
import type { Unit } from "./format.js";

const METADATA_ABI = ["function symbol() view returns (string)", "function decimals() view returns (uint8)"];

/** The unit of `asset` (the zero address is the native coin); an ERC-20 without metadata shows as `units`. */
export async function unitOf(provider: Provider, asset: string): Promise<Unit> {
  if (asset === ZeroAddress) return NATIVE;
  const token = new Contract(asset, METADATA_ABI, provider);
  try {
    const [symbol, decimals] = await Promise.all([token.symbol(), token.decimals()]);
    return { symbol: String(symbol), decimals: Number(decimals) };
  } catch {
    return { symbol: "units", decimals: 0 };
  }
}
