/** Display helpers: times in UTC, durations in days, addresses named when they are known. */
import type { Address } from "viem";

import {
  MOTION_CLASS_NAMES,
  MemberStatus,
  PROPOSAL_STATE_NAMES,
  VoteSupport,
  enumNames,
} from "../../scripts/ops/enums.js";
import type { MotionClassName, ProposalStateName } from "../../scripts/ops/enums.js";

/** The contracts' enum names, from the CLI's enums (scripts/ops/enums.ts). */
export type StateName = ProposalStateName;
export const STATE_NAMES: readonly StateName[] = PROPOSAL_STATE_NAMES;
export const CLASS_NAMES = MOTION_CLASS_NAMES;
export type ClassName = MotionClassName;
export type MemberStatusName = keyof typeof MemberStatus;
export const MEMBER_STATUS = enumNames(MemberStatus) as MemberStatusName[];
export const SUPPORT_NAMES = enumNames(VoteSupport) as (keyof typeof VoteSupport)[];

/** A UTC time, "2026-12-04 14:05 UTC"; "—" for zero. */
export function formatTime(seconds: bigint | number): string {
  const s = Number(seconds);
  if (s === 0) return "—";
  return `${new Date(s * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatDate(seconds: bigint | number): string {
  const s = Number(seconds);
  return s === 0 ? "—" : new Date(s * 1000).toISOString().slice(0, 10);
}

/** A duration, "7 days", "2 days 6 h", "45 min". */
export function formatDuration(seconds: bigint | number): string {
  let s = Math.max(0, Math.round(Number(seconds)));
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s - hours * 3600) / 60);
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} day${days === 1 ? "" : "s"}`);
  if (hours > 0) parts.push(`${hours} h`);
  if (days === 0 && minutes > 0) parts.push(`${minutes} min`);
  return parts.length === 0 ? "0 min" : parts.join(" ");
}

/** "in 3 days" / "2 h ago" relative to the chain's time. */
export function relative(at: bigint, now: bigint): string {
  return at >= now ? `in ${formatDuration(at - now)}` : `${formatDuration(now - at)} ago`;
}

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

export function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return "0 %";
  return `${(Number((part * 10000n) / whole) / 100).toFixed(1)} %`;
}

export function bps(value: number): string {
  return `${value / 100} %`;
}

export function sameAddress(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The first line of a description, without Markdown heading marks: the motion's title. */
export function titleOf(description: string): string {
  const line = description.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.replace(/^#+\s*/, "").trim() || "(untitled)";
}

export type NameBook = Map<string, string>;

export function nameOf(book: NameBook, address: Address | string): string | undefined {
  return book.get(address.toLowerCase());
}
