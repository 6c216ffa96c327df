import type { Expectation } from "./helpers";

export { ROLES, type ActingRole, type Expectation, type Fixtures } from "./helpers";

declare global {
  interface ImportMeta {
    /** Vite's build-time import of every module matching a pattern. */
    glob<T>(pattern: string, options: { eager: true }): Record<string, T>;
  }
}

// Each area of the application declares its endpoints in a file of its own under areas/.
const areas = import.meta.glob<Record<string, Record<string, Expectation>>>("./areas/*.ts", { eager: true });

/**
 * Who may call what. Every exported Server Action and route handler must be listed in one of the
 * areas; the inventory test fails for one that is not, and calls each as every role to check it.
 */
export const EXPECTATIONS: Record<string, Expectation> = Object.assign(
  {},
  ...Object.values(areas).flatMap((mod) => Object.values(mod)),
);
