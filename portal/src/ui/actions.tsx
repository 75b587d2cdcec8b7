/** A motion's actions in human terms: contract, function, arguments (coin units, names), and the class per action. */
import { useQuery } from "@tanstack/react-query";
import type { AbiFunction, Address, Hex } from "viem";

import { MotionPolicyAbi, bytes32Text, coinUnits, decodeAction, describeError } from "../abi";
import type { DecodedArg } from "../abi";
import { usePortal } from "../context";
import { CLASS_NAMES, formatDate, formatDuration, nameOf } from "../format";
import type { NameBook } from "../format";
import { useSystem } from "../system";
import { Failed, Loading } from "./common";

export interface RawAction {
  target: Address;
  value: bigint;
  data: Hex;
}

const AMOUNT = /amount|total|limit|value|unit|stake/i;
const DURATION = /window|period|duration|delay|term|cliff$/i;
const TIME = /^(start|end|cliff|until|at)$|At$/;

/** An argument in human terms: amounts in coin units, durations in days, dates, named addresses. */
export function argText(arg: DecodedArg, names: NameBook, coin: string, fn?: AbiFunction): string {
  const { type, name } = arg;
  // viem decodes integers of up to 48 bits as numbers.
  const value = typeof arg.value === "number" ? BigInt(arg.value) : arg.value;
  if (type === "address" && typeof value === "string") {
    if (/^0x0{40}$/i.test(value)) return `${value} (native ${coin})`;
    const n = nameOf(names, value);
    return n === undefined ? value : `${n} (${value})`;
  }
  if (type === "bytes32" && typeof value === "string") return bytes32Text(value as Hex);
  if (typeof value === "bigint") {
    if (name === "motionClass" && value < BigInt(CLASS_NAMES.length)) return `${CLASS_NAMES[Number(value)]} (${value})`;
    if (fn?.name === "createGrant" && name === "cliff") return `${formatDate(value)} (${value})`;
    if (TIME.test(name) && value > 1_000_000_000n && value < 100_000_000_000n) return `${formatDate(value)} (${value})`;
    if (DURATION.test(name) && value < 10_000_000_000n) return `${formatDuration(value)} (${value} s)`;
    if (AMOUNT.test(name) && value >= 10n ** 12n) return `${coinUnits(value)} ${coin}`;
    return value.toString();
  }
  if (Array.isArray(value)) {
    // A list of structs (viem gives each as an object of its fields) shows each as (field, field, …).
    const item = (v: unknown) =>
      v !== null && typeof v === "object" ? `(${Object.values(v).map(String).join(", ")})` : String(v);
    return `[${value.map(item).join(", ")}]`;
  }
  return String(value);
}

/** The policy's class for one action, or its refusal. */
function useActionClasses(actions: RawAction[]) {
  const { client, config } = usePortal();
  return useQuery({
    queryKey: ["classes", actions.map((a) => `${a.target}:${a.value}:${a.data}`).join("|")],
    enabled: actions.length > 0,
    queryFn: async () =>
      Promise.all(
        actions.map(async (a) => {
          const selector = (a.data.length >= 10 ? a.data.slice(0, 10) : "0x00000000") as Hex;
          try {
            const [cls, [tableClass, isSet], wildcard] = await Promise.all([
              client.readContract({
                address: config.addresses.policy,
                abi: MotionPolicyAbi,
                functionName: "classifyAction",
                args: [config.addresses.governor, a.target, a.value, a.data],
              }),
              client.readContract({
                address: config.addresses.policy,
                abi: MotionPolicyAbi,
                functionName: "actionClass",
                args: [a.target, selector],
              }),
              client.readContract({
                address: config.addresses.policy,
                abi: MotionPolicyAbi,
                functionName: "actionClass",
                args: [a.target, "0xffffffff"],
              }),
            ]);
            const name = CLASS_NAMES[cls];
            let why: string;
            if (
              a.target.toLowerCase() === config.addresses.governor.toLowerCase() ||
              a.target.toLowerCase() === config.addresses.policy.toLowerCase()
            ) {
              why = "it calls the governor or the policy (governance itself)";
            } else if (a.target.toLowerCase() === config.addresses.timelock.toLowerCase()) {
              why =
                a.data === "0x" && a.value === 0n
                  ? "an empty call to the timelock is a signalling motion"
                  : "it calls the timelock";
            } else if (isSet) {
              why = `the policy's table lists this function as ${CLASS_NAMES[tableClass]}`;
            } else if (wildcard[1]) {
              why = `the policy's table lists this contract as ${CLASS_NAMES[wildcard[0]]}`;
            } else if (a.data === "0x") {
              why = "a plain payment to an account without code";
            } else {
              why = "no table entry: unknown calls are Constitutional (fail closed)";
            }
            if (a.value > 0n && cls === 1 && !isSet) why += "; it sends value, so at least Treasury";
            return { name, why };
          } catch (e) {
            return { name: "refused", why: describeError(e) };
          }
        }),
      ),
  });
}

export function ActionList({
  actions,
  names,
  showClass = true,
}: {
  actions: RawAction[];
  names: NameBook;
  showClass?: boolean;
}) {
  const { config } = usePortal();
  const { system, error } = useSystem();
  const classes = useActionClasses(showClass ? actions : []);
  if (error !== undefined) return <Failed what="the system's contracts" error={error} />;
  if (system === undefined) return <Loading what="the system's contracts" />;
  /** One argument; a tuple's fields as a nested list (`data-arg` "config.votingDelay"). */
  const argItem = (arg: DecodedArg, path: string, fn: AbiFunction | undefined) => (
    <li key={path}>
      <span className="muted">{arg.name}</span>:{" "}
      {arg.components === undefined ? (
        <span data-arg={path}>{argText(arg, names, config.coin, fn)}</span>
      ) : (
        <ul>{arg.components.map((c) => argItem(c, `${path}.${c.name}`, fn))}</ul>
      )}
    </li>
  );
  return (
    <ol className="actions" aria-label="Actions">
      {actions.map((a, i) => {
        const d = decodeAction(system, a.target, a.value, a.data);
        const target = d.contract ?? nameOf(names, a.target) ?? a.target;
        const cls = classes.data?.[i];
        return (
          <li key={`${i}-${a.target}`} data-testid="action">
            <strong>
              {target}.{d.fn?.name ?? (a.data === "0x" ? "(payment)" : `${a.data.slice(0, 10)}…`)}
            </strong>
            {d.fn !== undefined && d.args !== undefined && <ul>{d.args.map((arg) => argItem(arg, arg.name, d.fn))}</ul>}
            {d.fn === undefined && a.data !== "0x" && (
              <p className="muted">calldata {a.data.length / 2 - 1} bytes (not a system contract: not decoded)</p>
            )}
            {a.value > 0n && (
              <p>
                sends {coinUnits(a.value)} {config.coin}
              </p>
            )}
            <details>
              <summary>Raw call (action {i + 1})</summary>
              <p>
                to <code data-testid="raw-target">{a.target}</code>, value{" "}
                <code data-testid="raw-value">{a.value.toString()}</code>
              </p>
              <code data-testid="raw-calldata" style={{ wordBreak: "break-all" }}>
                {a.data}
              </code>
            </details>
            {showClass && cls !== undefined && (
              <p className="muted" data-testid="action-class">
                Class: <strong>{cls.name}</strong> — {cls.why}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
