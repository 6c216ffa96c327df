import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { getClient } from "@/db";
import { getActiveUserByEmail, getUserById, recordSignIn } from "@/db/queries/users";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { accounts, type Role, sessions, users, verificationTokens } from "@/db/schema";
import { authSecret, env, isProduction } from "@/lib/env";
import { clientIp } from "@/lib/request-info";
import { passwordSignInSchema } from "@/lib/validations/auth";
import { burnPasswordCheck, verifyPassword } from "./password";
import { sendSignInLink } from "./sign-in-email";

export const SIGN_IN_LINK_MINUTES = 15;
export const SESSION_HOURS = 12;

export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

/**
 * Sign-in attempts: 5 per account address and 30 per client address in 15 minutes. When the client's
 * address is unknown only the first applies: one shared bucket would let anyone lock everyone out.
 */
export function signInRateLimits(email: string, ip: string | null) {
  const limits = [{ key: `sign-in:email:${email}`, limit: 5, windowSeconds: 900 }];
  if (ip) limits.push({ key: `sign-in:ip:${ip}`, limit: 30, windowSeconds: 900 });
  return limits;
}

// The configuration is built per request, so nothing (the database, the secret) is touched at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: !isProduction() || env().AUTH_TRUST_HOST || Boolean(env().AUTH_URL),
  adapter: DrizzleAdapter(getClient().db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  // Credentials need JWT sessions; the token carries only the user id and a session version that
  // each request checks against the database (see lib/auth/index.ts).
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = passwordSignInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIp(request.headers);
        if (!(await hitRateLimits(signInRateLimits(email, ip)))) throw new RateLimitedSignIn();
        const user = await getActiveUserByEmail(email);
        if (!user?.passwordHash || user.role === "panelist") {
          await burnPasswordCheck(password);
          return null;
        }
        if (!(await verifyPassword(user.passwordHash, password))) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    Nodemailer({
      id: "nodemailer",
      // Delivery goes through the outbox; the provider insists on a server setting all the same.
      server: env().SMTP_URL ?? "smtp://localhost:25",
      from: env().EMAIL_FROM,
      maxAge: SIGN_IN_LINK_MINUTES * 60,
      sendVerificationRequest: ({ identifier, url, expires }) => sendSignInLink(identifier, url, expires),
    }),
  ],
  logger: {
    // A wrong password is an expected outcome, answered on the form; it is not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  callbacks: {
    async signIn({ user }) {
      // Only existing, enabled accounts sign in: nobody signs up by asking for a link.
      return Boolean(user.email && (await getActiveUserByEmail(user.email)));
    },
    async jwt({ token, user }) {
      if (user?.id) {
        const account = await getUserById(user.id);
        token.sub = user.id;
        token.sv = account?.sessionVersion ?? 0;
        token.role = account?.role;
      }
      return token;
    },
    // The role here is the one held at sign-in, for display; authorization reads the account afresh on
    // every request (lib/auth/index.ts), so a changed role or a disabled account counts at once.
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role;
      session.sv = typeof token.sv === "number" ? token.sv : 0;
      return session;
    },
  },
  events: {
    async signIn({ user }) {
      if (user.id) await recordSignIn(user.id);
    },
  },
}));

declare module "next-auth" {
  interface Session {
    sv: number;
    user: { id: string; role?: Role } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sv?: number;
    role?: Role;
  }
}
