/** The portal's shell: providers, navigation, the wallet bar, the history progress line, and the routes. */
import { QueryClient, QueryClientProvider, useIsFetching } from "@tanstack/react-query";
import { Component, Suspense, lazy, useEffect, useMemo, useSyncExternalStore } from "react";
import type { ErrorInfo, ReactNode } from "react";
import { NavLink, Outlet, RouterProvider, createHashRouter, useLocation } from "react-router";
import { WagmiProvider } from "wagmi";

import { describeError } from "./abi";
import { chainOf, historyProgress, makePublicClient } from "./chain";
import type { PortalConfig } from "./config";
import { PortalContext } from "./context";
import type { Portal } from "./context";
import { LastAction, lastAction } from "./tx";
import { WalletBar, makeWagmiConfig } from "./wallet";

const CouncilPage = lazy(() => import("./pages/Council"));
const MemberPage = lazy(() => import("./pages/Member"));
const MotionsPage = lazy(() => import("./pages/Motions"));
const MotionPage = lazy(() => import("./pages/Motion"));
const ProposePage = lazy(() => import("./pages/Propose"));
const MembershipPage = lazy(() => import("./pages/Membership"));
const ReservePage = lazy(() => import("./pages/Reserve"));
const StakePage = lazy(() => import("./pages/Stake"));
const CommunityPage = lazy(() => import("./pages/Community"));

/** A page that throws shows one line, never a blank page. */
class PageBoundary extends Component<{ children: ReactNode }, { error?: string }> {
  state: { error?: string } = {};
  static getDerivedStateFromError(error: unknown) {
    return { error: describeError(error) };
  }
  componentDidCatch(_error: unknown, _info: ErrorInfo) {}
  render() {
    if (this.state.error !== undefined) {
      return (
        <p role="alert" className="error">
          This page could not be shown: {this.state.error}
        </p>
      );
    }
    return this.props.children;
  }
}

function HistoryLine() {
  const progress = useSyncExternalStore(historyProgress.subscribe, historyProgress.get);
  if (progress === undefined) return null;
  const total = progress.to - progress.from + 1n;
  return (
    <p role="status" className="progress-line">
      Loading history… blocks {progress.from.toString()}–{progress.to.toString()} (
      {total === 0n ? 100 : Number((progress.done * 100n) / total)} %)
    </p>
  );
}

function Layout({ chainName }: { chainName: string }) {
  const fetching = useIsFetching();
  const location = useLocation();
  useEffect(() => lastAction.set(undefined), [location.pathname]);
  const links: [string, string][] = [
    ["/", "Council"],
    ["/motions", "Motions"],
    ["/propose", "Propose"],
    ["/membership", "Membership"],
    ["/community", "Community"],
    ["/reserve", "Reserve"],
    ["/stake", "Stake"],
  ];
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <p className="brand">Governance Council · {chainName}</p>
        <nav aria-label="Main">
          <ul>
            {links.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} end={to === "/"}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <WalletBar />
      </header>
      <HistoryLine />
      <main id="main" className="page" aria-busy={fetching > 0}>
        <LastAction />
        <PageBoundary>
          <Suspense fallback={<p role="status">Loading…</p>}>
            <Outlet />
          </Suspense>
        </PageBoundary>
      </main>
    </>
  );
}

export function App({ config }: { config: PortalConfig }) {
  const portal = useMemo<Portal>(() => {
    const chain = chainOf(config);
    return { config, chain, client: makePublicClient(config) };
  }, [config]);
  const wagmiConfig = useMemo(() => makeWagmiConfig(config, portal.chain), [config, portal.chain]);
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 4_000 } } }),
    [],
  );
  const router = useMemo(
    () =>
      createHashRouter([
        {
          path: "/",
          element: <Layout chainName={portal.chain.name} />,
          children: [
            { index: true, element: <CouncilPage /> },
            { path: "members/:id", element: <MemberPage /> },
            { path: "motions", element: <MotionsPage /> },
            { path: "motions/:id", element: <MotionPage /> },
            { path: "propose", element: <ProposePage /> },
            { path: "membership", element: <MembershipPage /> },
            { path: "community", element: <CommunityPage /> },
            { path: "reserve", element: <ReservePage /> },
            { path: "stake", element: <StakePage /> },
            { path: "*", element: <p role="alert">No such page. Use the navigation above.</p> },
          ],
        },
      ]),
    [portal.chain.name],
  );
  return (
    <PortalContext.Provider value={portal}>
      <WagmiProvider config={wagmiConfig}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </WagmiProvider>
    </PortalContext.Provider>
  );
}
