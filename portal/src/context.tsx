/** The configuration and the public client, for every page. */
import { createContext, useContext } from "react";
import type { Chain, PublicClient } from "viem";

import type { PortalConfig } from "./config";

export interface Portal {
  config: PortalConfig;
  client: PublicClient;
  chain: Chain;
}

export const PortalContext = createContext<Portal | undefined>(undefined);

export function usePortal(): Portal {
  const portal = useContext(PortalContext);
  if (portal === undefined) throw new Error("usePortal outside PortalContext");
  return portal;
}
