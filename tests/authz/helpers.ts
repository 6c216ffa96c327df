import { NextRequest } from "next/server";
import { type Role, ROLES as ACCOUNT_ROLES } from "@/lib/roles";

export const ROLES = ["anonymous", "panelist", "staff", "admin"] as const;
export type ActingRole = (typeof ROLES)[number];
type Verdict = "allow" | "deny";

export type Fixtures = {
  /** An account each test may change (role, disabled). */
  targetUserId: string;
  /** A message that failed to send. */
  failedMessageId: string;
  /** A number unique to this call, for unique emails. */
  n: number;
  /** The id of a record `prepare` made for this call. */
  scratch?: string;
};

export type Expectation = {
  /**
   * Who may call it. An action made with lib/action.ts declares its role, and who may call it follows
   * from that (`whoFor`); a `who` given for such an action must agree with it.
   */
  who?: Record<ActingRole, Verdict>;
  /** Makes what this call needs (sets `f.scratch`), before the state is read. */
  prepare?: (f: Fixtures) => Promise<void>;
  /** Calls the endpoint with input that is valid, so that only authorization can refuse it. */
  call: (f: Fixtures, mod: Record<string, unknown>, name: string) => Promise<unknown>;
  /** What must not change when the call is refused (besides the audit log, which is always checked). */
  state?: (f: Fixtures) => Promise<unknown>;
};

export const PUBLIC = { anonymous: "allow", panelist: "allow", staff: "allow", admin: "allow" } as const;
export const STAFF = { anonymous: "deny", panelist: "deny", staff: "allow", admin: "allow" } as const;

/** Who may call an action declared for `role`: every account holding it or more (admin ⊃ staff ⊃ panelist). */
export function whoFor(role: Role): Record<ActingRole, Verdict> {
  const rank = (r: Role) => ACCOUNT_ROLES.indexOf(r);
  return {
    anonymous: "deny",
    ...(Object.fromEntries(ACCOUNT_ROLES.map((r) => [r, rank(r) >= rank(role) ? "allow" : "deny"])) as Record<Role, Verdict>),
  };
}

export const action =
  (input: (f: Fixtures) => unknown) =>
  (f: Fixtures, mod: Record<string, unknown>, name: string) =>
    (mod[name] as (i: unknown) => Promise<unknown>)(input(f));

export const route =
  (method: string, path: string, body?: unknown) =>
  (_f: Fixtures, mod: Record<string, unknown>, name: string) =>
    (mod[name] as (r: NextRequest, ctx: unknown) => Promise<Response>)(
      new NextRequest(`http://localhost:3000${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: body === undefined ? undefined : { "content-type": "application/json" },
      }),
      { params: Promise.resolve({ nextauth: path.split("/").slice(3) }) },
    );
