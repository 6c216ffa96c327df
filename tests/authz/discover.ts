import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Role } from "@/lib/roles";

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

/**
 * Every exported Server Action and route handler in the code, read from the source files:
 * "file#export" for each function exported from a "use server" module, and "file#METHOD" for
 * each HTTP method a route.ts exports.
 */
export function discoverEndpoints(root: string): { actions: string[]; routes: string[] } {
  const files = [...walk(join(root, "app")), ...walk(join(root, "lib")), ...walk(join(root, "components"))].filter((f) =>
    /\.(ts|tsx)$/.test(f),
  );
  const actions: string[] = [];
  const routes: string[] = [];
  for (const file of files) {
    const source = stripComments(readFileSync(file, "utf8"));
    const rel = relative(root, file);
    if (/^\s*["']use server["'];?/.test(source)) {
      for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) actions.push(`${rel}#${m[1]}`);
      for (const m of source.matchAll(/export\s+const\s+(\w+)\s*=/g)) actions.push(`${rel}#${m[1]}`);
    }
    if (/(^|\/)route\.tsx?$/.test(rel)) {
      for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) if (HTTP_METHODS.includes(m[1]!)) routes.push(`${rel}#${m[1]}`);
      for (const m of source.matchAll(/export\s+const\s+\{([^}]+)\}/g)) {
        for (const name of m[1]!.split(",").map((s) => s.trim().split(":").pop()!.trim())) if (HTTP_METHODS.includes(name)) routes.push(`${rel}#${name}`);
      }
      for (const m of source.matchAll(/export\s+const\s+(\w+)\s*=/g)) if (HTTP_METHODS.includes(m[1]!)) routes.push(`${rel}#${m[1]}`);
    }
  }
  return { actions: actions.sort(), routes: routes.sort() };
}

/**
 * The role each action declares (lib/action.ts carries it on the function it makes), read from the
 * modules themselves; an action made without the wrapper declares none.
 */
export async function declaredRoles(root: string, actions: string[]): Promise<Record<string, Role | undefined>> {
  const roles: Record<string, Role | undefined> = {};
  for (const endpoint of actions) {
    const [file, name] = endpoint.split("#") as [string, string];
    const mod = (await import(/* @vite-ignore */ join(root, file))) as Record<string, { role?: Role } | undefined>;
    roles[endpoint] = mod[name]?.role;
  }
  return roles;
}
